; *** 首问登记安装程序的简体中文提示（Inno Setup 6.4 的全部提示） ***
;
; 本项目自己写的译文，随源码一起提交：构建时不下载任何语言文件。
; 用语以供电所办事员看得懂为准：说清发生了什么、下一步该怎么做。
; 保留%1、%2、%n、[name]等占位符和 & 快捷键；Inno Setup 自己会补句号的地方不加句号。
; tests/test_installer_wine.py 用编译器的 Default.isl 检查这里一条不少、一条不多。

[LangOptions]
LanguageName=简体中文
LanguageID=$0804
LanguageCodePage=936
; Windows 10/11 都带“微软雅黑 UI”；没有时 Windows 自动换用别的中文字体。
DialogFontName=Microsoft YaHei UI
DialogFontSize=9
WelcomeFontName=Microsoft YaHei UI
WelcomeFontSize=12
TitleFontName=Microsoft YaHei UI
TitleFontSize=29
CopyrightFontName=Microsoft YaHei UI
CopyrightFontSize=8

[Messages]

; *** 窗口标题
SetupAppTitle=安装
SetupWindowTitle=安装 - %1
UninstallAppTitle=卸载
UninstallAppFullTitle=卸载%1

; *** 常用标题
InformationTitle=提示
ConfirmTitle=请确认
ErrorTitle=出错了

; *** 安装程序启动时
SetupLdrStartupMessage=现在安装%1。要继续吗？
LdrCannotCreateTemp=无法建立临时文件，安装已停止。请检查 C 盘是否还有空间，然后重新运行安装程序
LdrCannotExecTemp=无法运行临时文件夹里的文件，安装已停止。可能被杀毒软件拦住了，请暂时允许后重新运行安装程序
HelpTextNote=

; *** 启动时的错误
LastErrorMessage=%1。%n%n错误%2：%3
SetupFileMissing=安装文件夹里缺少文件%1。请重新拷贝完整的安装程序再试。
SetupFileCorrupt=安装程序已损坏。请重新拷贝一份安装程序再试。
SetupFileCorruptOrWrongVer=安装程序已损坏，或与这个版本的安装程序不配套。请重新拷贝一份安装程序再试。
InvalidParameter=命令行里有无法识别的参数：%n%n%1
SetupAlreadyRunning=安装程序已经在运行了。
WindowsVersionNotSupported=这台电脑的 Windows 版本太旧，本程序不能安装。需要 Windows 10 或 11。
WindowsServicePackRequired=本程序需要%1 Service Pack %2或更新版本。
NotOnThisPlatform=本程序不能在%1上运行。
OnlyOnThisPlatform=本程序只能在%1上运行。
OnlyOnTheseArchitectures=本程序只能安装在以下处理器架构的 Windows 上：%n%n%1
WinVersionTooLowError=本程序需要%1 %2或更新版本。
WinVersionTooHighError=本程序不能安装在%1 %2或更新版本上。
AdminPrivilegesRequired=安装本程序需要以管理员身份登录 Windows。
PowerUserPrivilegesRequired=安装本程序需要以管理员或 Power Users 组成员身份登录 Windows。
SetupAppRunningError=%1正在运行。%n%n请先关闭它的所有窗口，然后点“确定”继续；点“取消”退出安装。
UninstallAppRunningError=%1正在运行。%n%n请先关闭它的所有窗口，然后点“确定”继续；点“取消”退出卸载。

; *** 启动时的选择
PrivilegesRequiredOverrideTitle=选择安装方式
PrivilegesRequiredOverrideInstruction=给谁安装
PrivilegesRequiredOverrideText1=%1可以为这台电脑的所有用户安装（需要管理员权限），也可以只为您自己安装。
PrivilegesRequiredOverrideText2=%1可以只为您自己安装，也可以为这台电脑的所有用户安装（需要管理员权限）。
PrivilegesRequiredOverrideAllUsers=为所有用户安装(&A)
PrivilegesRequiredOverrideAllUsersRecommended=为所有用户安装(&A)（推荐）
PrivilegesRequiredOverrideCurrentUser=只为我安装(&M)
PrivilegesRequiredOverrideCurrentUserRecommended=只为我安装(&M)（推荐）

; *** 其他错误
ErrorCreatingDir=无法建立文件夹“%1”
ErrorTooManyFilesInDir=文件夹“%1”里的文件太多，无法再建立文件

; *** 安装程序通用提示
ExitSetupTitle=退出安装
ExitSetupMessage=安装还没有完成。现在退出，程序不会被安装。%n%n以后可以再运行安装程序完成安装。%n%n确定退出安装吗？
AboutSetupMenuItem=关于安装程序(&A)...
AboutSetupTitle=关于安装程序
AboutSetupMessage=%1版本%2%n%3%n%n%1主页：%n%4
AboutSetupNote=
TranslatorNote=

; *** 按钮
ButtonBack=< 上一步(&B)
ButtonNext=下一步(&N) >
ButtonInstall=安装(&I)
ButtonOK=确定
ButtonCancel=取消
ButtonYes=是(&Y)
ButtonYesToAll=全部选是(&A)
ButtonNo=否(&N)
ButtonNoToAll=全部选否(&O)
ButtonFinish=完成(&F)
ButtonBrowse=浏览(&B)...
ButtonWizardBrowse=浏览(&R)...
ButtonNewFolder=新建文件夹(&M)

; *** 选择语言
SelectLanguageTitle=选择安装语言
SelectLanguageLabel=请选择安装过程中使用的语言。

; *** 向导通用文字
ClickNext=点“下一步”继续，点“取消”退出安装。
BeveledLabel=
BrowseDialogTitle=选择文件夹
BrowseDialogLabel=在下面的列表里选一个文件夹，然后点“确定”。
NewFolderName=新建文件夹

; *** “欢迎”页
WelcomeLabel1=欢迎安装[name]
WelcomeLabel2=安装程序将在这台电脑上安装[name/ver]。%n%n开始前，建议先关闭其他正在运行的程序。

; *** “密码”页
WizardPassword=密码
PasswordLabel1=这个安装程序设了密码。
PasswordLabel3=请输入密码，然后点“下一步”。密码区分大小写。
PasswordEditLabel=密码(&P)：
IncorrectPassword=密码不对，请重新输入。

; *** “许可协议”页
WizardLicense=许可协议
LicenseLabel=继续之前，请阅读下面的重要信息。
LicenseLabel3=请阅读下面的许可协议。必须同意协议的条款才能继续安装。
LicenseAccepted=我同意(&A)
LicenseNotAccepted=我不同意(&D)

; *** “信息”页
WizardInfoBefore=信息
InfoBeforeLabel=继续之前，请阅读下面的重要信息。
InfoBeforeClickLabel=准备好继续安装时，点“下一步”。
WizardInfoAfter=信息
InfoAfterLabel=继续之前，请阅读下面的重要信息。
InfoAfterClickLabel=准备好继续安装时，点“下一步”。

; *** “用户信息”页
WizardUserInfo=用户信息
UserInfoDesc=请填写您的信息。
UserInfoName=用户名(&U)：
UserInfoOrg=单位(&O)：
UserInfoSerial=序列号(&S)：
UserInfoNameRequired=必须填写用户名。

; *** “选择安装位置”页
WizardSelectDir=选择安装位置
SelectDirDesc=把[name]安装到哪里？
SelectDirLabel3=安装程序将把[name]安装到下面的文件夹。
SelectDirBrowseLabel=点“下一步”继续。要换一个文件夹，点“浏览”。
DiskSpaceGBLabel=至少需要 [gb] GB 的磁盘空间。
DiskSpaceMBLabel=至少需要 [mb] MB 的磁盘空间。
CannotInstallToNetworkDrive=不能安装到网络驱动器上，请选本机的磁盘。
CannotInstallToUNCPath=不能安装到网络路径上，请选本机的磁盘。
InvalidPath=请输入带盘符的完整路径，例如：%n%nC:\APP%n%n或者这样的网络路径：%n%n\\server\share
InvalidDrive=选的磁盘或网络共享不存在或打不开，请另选一个。
DiskSpaceWarningTitle=磁盘空间不够
DiskSpaceWarning=安装至少需要%1 KB 空间，但所选磁盘只剩%2 KB。%n%n仍然要继续吗？
DirNameTooLong=文件夹名称或路径太长。
InvalidDirName=文件夹名称不正确。
BadDirName32=文件夹名称里不能有下面这些字符：%n%n%1
DirExistsTitle=文件夹已存在
DirExists=文件夹：%n%n%1%n%n已经存在。仍然安装到这个文件夹吗？
DirDoesntExistTitle=文件夹不存在
DirDoesntExist=文件夹：%n%n%1%n%n不存在。要新建这个文件夹吗？

; *** “选择组件”页
WizardSelectComponents=选择组件
SelectComponentsDesc=要安装哪些组件？
SelectComponentsLabel2=勾选要安装的组件，去掉不要安装的组件。选好后点“下一步”。
FullInstallation=完全安装
; “Compact”译作“精简”，不译作“最小”
CompactInstallation=精简安装
CustomInstallation=自定义安装
NoUninstallWarningTitle=组件已安装
NoUninstallWarning=这台电脑上已经装有下面这些组件：%n%n%1%n%n取消勾选不会卸载它们。%n%n仍然要继续吗？
ComponentSize1=%1 KB
ComponentSize2=%1 MB
ComponentsDiskSpaceGBLabel=当前选择至少需要 [gb] GB 的磁盘空间。
ComponentsDiskSpaceMBLabel=当前选择至少需要 [mb] MB 的磁盘空间。

; *** “选择附加任务”页
WizardSelectTasks=选择附加任务
SelectTasksDesc=还要做哪些事？
SelectTasksLabel2=选择安装[name]时要一并完成的事，然后点“下一步”。

; *** “选择开始菜单文件夹”页
WizardSelectProgramGroup=选择开始菜单文件夹
SelectStartMenuFolderDesc=把程序的快捷方式放在哪里？
SelectStartMenuFolderLabel3=安装程序将在下面的开始菜单文件夹里建立快捷方式。
SelectStartMenuFolderBrowseLabel=点“下一步”继续。要换一个文件夹，点“浏览”。
MustEnterGroupName=必须填写文件夹名称。
GroupNameTooLong=文件夹名称或路径太长。
InvalidGroupName=文件夹名称不正确。
BadGroupName=文件夹名称里不能有下面这些字符：%n%n%1
NoProgramGroupCheck2=不在开始菜单建立文件夹(&D)

; *** “准备安装”页
WizardReady=准备安装
ReadyLabel1=安装程序已准备好，可以开始在这台电脑上安装[name]。
ReadyLabel2a=点“安装”开始安装；要查看或修改前面的设置，点“上一步”。
ReadyLabel2b=点“安装”开始安装。
ReadyMemoUserInfo=用户信息：
ReadyMemoDir=安装位置：
ReadyMemoType=安装类型：
ReadyMemoComponents=选择的组件：
ReadyMemoGroup=开始菜单文件夹：
ReadyMemoTasks=附加任务：

; *** 下载附加文件（本程序的安装不下载任何东西）
DownloadingLabel=正在下载附加文件...
ButtonStopDownload=停止下载(&S)
StopDownload=确定要停止下载吗？
ErrorDownloadAborted=下载已停止
ErrorDownloadFailed=下载失败：%1 %2
ErrorDownloadSizeFailed=无法取得文件大小：%1 %2
ErrorFileHash1=无法校验文件：%1
ErrorFileHash2=文件校验不符：应为%1，实为%2
ErrorProgress=进度不对：%1 / %2
ErrorFileSize=文件大小不对：应为%1，实为%2

; *** 解压附加文件
ExtractionLabel=正在解压附加文件...
ButtonStopExtraction=停止解压(&S)
StopExtraction=确定要停止解压吗？
ErrorExtractionAborted=解压已停止
ErrorExtractionFailed=解压失败：%1

; *** “正在准备安装”页
WizardPreparing=正在准备安装
PreparingDesc=安装程序正在准备在这台电脑上安装[name]。
PreviousInstallNotCompleted=上一次安装或卸载程序还没有完成，需要先重新启动电脑。%n%n重新启动后，再运行安装程序完成[name]的安装。
CannotContinue=安装无法继续。请点“取消”退出。
ApplicationsFound=下面这些程序正在使用需要更新的文件。建议让安装程序自动关闭它们。
ApplicationsFound2=下面这些程序正在使用需要更新的文件。建议让安装程序自动关闭它们。安装完成后，安装程序会尝试重新打开它们。
CloseApplications=自动关闭这些程序(&A)
DontCloseApplications=不关闭这些程序(&D)
ErrorCloseApplications=安装程序没能自动关闭所有程序。继续之前，建议先手动关闭正在使用需要更新文件的程序。
PrepareToInstallNeedsRestart=安装程序需要重新启动电脑。重新启动后，再运行安装程序完成[name]的安装。%n%n现在就重新启动吗？

; *** “正在安装”页
WizardInstalling=正在安装
InstallingLabel=正在这台电脑上安装[name]，请稍候。

; *** “安装完成”页
FinishedHeadingLabel=[name]安装完成
FinishedLabelNoIcons=[name]已经安装到这台电脑上。
FinishedLabel=[name]已经安装到这台电脑上。以后可以从桌面或开始菜单的快捷方式打开它。
ClickFinish=点“完成”退出安装程序。
FinishedRestartLabel=要完成[name]的安装，需要重新启动电脑。现在就重新启动吗？
FinishedRestartMessage=要完成[name]的安装，需要重新启动电脑。%n%n现在就重新启动吗？
ShowReadmeCheck=是，我要查看说明文件
YesRadio=是，现在重新启动电脑(&Y)
NoRadio=否，我稍后自己重新启动(&N)
; 例如“运行 MyProg.exe”
RunEntryExec=运行%1
; 例如“查看 Readme.txt”
RunEntryShellExec=查看%1

; *** “需要下一张磁盘”
ChangeDiskTitle=需要下一张磁盘
SelectDiskLabel2=请放入第%1张磁盘，然后点“确定”。%n%n如果这张磁盘上的文件在别的文件夹里，请输入正确的路径或点“浏览”。
PathLabel=路径(&P)：
FileNotInDir2=在“%2”里找不到文件“%1”。请放入正确的磁盘或另选文件夹。
SelectDirectoryLabel=请指定下一张磁盘的位置。

; *** 安装过程中
SetupAborted=安装没有完成。%n%n请解决问题后重新运行安装程序。
AbortRetryIgnoreSelectAction=请选择怎么办
AbortRetryIgnoreRetry=重试(&T)
AbortRetryIgnoreIgnore=忽略这个错误，继续(&I)
AbortRetryIgnoreCancel=取消安装

; *** 安装状态
StatusClosingApplications=正在关闭程序...
StatusCreateDirs=正在建立文件夹...
StatusExtractFiles=正在复制文件...
StatusCreateIcons=正在建立快捷方式...
StatusCreateIniEntries=正在写入 INI 设置...
StatusCreateRegistryEntries=正在写入注册表...
StatusRegisterFiles=正在注册文件...
StatusSavingUninstall=正在保存卸载信息...
StatusRunProgram=正在完成安装...
StatusRestartingApplications=正在重新打开程序...
StatusRollback=正在撤销已做的改动...

; *** 其他错误
ErrorInternal2=内部错误：%1
ErrorFunctionFailedNoCode=%1失败
ErrorFunctionFailed=%1失败；代码%2
ErrorFunctionFailedWithMessage=%1失败；代码%2。%n%3
ErrorExecutingProgram=无法运行文件：%n%1

; *** 注册表错误
ErrorRegOpenKey=打开注册表项时出错：%n%1\%2
ErrorRegCreateKey=建立注册表项时出错：%n%1\%2
ErrorRegWriteKey=写入注册表项时出错：%n%1\%2

; *** INI 错误
ErrorIniEntry=在文件“%1”里写入 INI 设置时出错。

; *** 复制文件时的错误
FileAbortRetryIgnoreSkipNotRecommended=跳过这个文件（不推荐）(&S)
FileAbortRetryIgnoreIgnoreNotRecommended=忽略这个错误，继续（不推荐）(&I)
SourceIsCorrupted=安装程序里的文件已损坏
SourceDoesntExist=安装程序里的文件“%1”不存在
ExistingFileReadOnly2=已有的文件是只读的，无法替换。
ExistingFileReadOnlyRetry=去掉只读属性后重试(&R)
ExistingFileReadOnlyKeepExisting=保留已有的文件(&K)
ErrorReadingExistingDest=读取已有的文件时出错：
FileExistsSelectAction=请选择怎么办
FileExists2=文件已经存在。
FileExistsOverwriteExisting=覆盖已有的文件(&O)
FileExistsKeepExisting=保留已有的文件(&K)
FileExistsOverwriteOrKeepAll=后面遇到同样情况也这样处理(&D)
ExistingFileNewerSelectAction=请选择怎么办
ExistingFileNewer2=已有的文件比安装程序里的更新。
ExistingFileNewerOverwriteExisting=覆盖已有的文件(&O)
ExistingFileNewerKeepExisting=保留已有的文件（推荐）(&K)
ExistingFileNewerOverwriteOrKeepAll=后面遇到同样情况也这样处理(&D)
ErrorChangingAttr=修改已有文件的属性时出错：
ErrorCreatingTemp=在安装文件夹里建立文件时出错：
ErrorReadingSource=读取安装程序里的文件时出错：
ErrorCopying=复制文件时出错：
ErrorReplacingExistingFile=替换已有的文件时出错：
ErrorRestartReplace=重启后替换文件失败：
ErrorRenamingTemp=在安装文件夹里给文件改名时出错：
ErrorRegisterServer=无法注册 DLL/OCX：%1
ErrorRegSvr32Failed=RegSvr32 出错，退出代码%1
ErrorRegisterTypeLib=无法注册类型库：%1

; *** 卸载列表里显示的名称
; 例如“My Program (32 位)”
UninstallDisplayNameMark=%1 (%2)
; 例如“My Program (32 位, 所有用户)”
UninstallDisplayNameMarks=%1 (%2, %3)
UninstallDisplayNameMark32Bit=32 位
UninstallDisplayNameMark64Bit=64 位
UninstallDisplayNameMarkAllUsers=所有用户
UninstallDisplayNameMarkCurrentUser=当前用户

; *** 安装完成后的错误
ErrorOpeningReadme=打开说明文件时出错。
ErrorRestartingComputer=安装程序没能重新启动电脑，请手动重新启动。

; *** 卸载程序
UninstallNotFound=文件“%1”不存在，无法卸载。
UninstallOpenError=无法打开文件“%1”，无法卸载
UninstallUnsupportedVer=卸载记录文件“%1”的格式这个卸载程序认不出来，无法卸载
UninstallUnknownEntry=卸载记录里有一条认不出来的内容（%1）
ConfirmUninstall=确定要把%1和它的所有组件从这台电脑上删除吗？
UninstallOnlyOnWin64=这个程序只能在 64 位 Windows 上卸载。
OnlyAdminCanUninstall=这个程序只有管理员才能卸载。
UninstallStatusLabel=正在从这台电脑上删除%1，请稍候。
UninstalledAll=%1已经从这台电脑上删除。
UninstalledMost=%1卸载完成。%n%n有些内容没能删除，可以手动删除。
UninstalledAndNeedsRestart=要完成%1的卸载，需要重新启动电脑。%n%n现在就重新启动吗？
UninstallDataCorrupted=文件“%1”已损坏，无法卸载

; *** 卸载过程中
ConfirmDeleteSharedFileTitle=删除共享文件？
ConfirmDeleteSharedFile2=系统显示下面这个共享文件已经没有程序在用了。要删除它吗？%n%n如果还有程序在用它，删除后那些程序可能无法正常工作。拿不准时请选“否”，留着它不会有任何坏处。
SharedFileNameLabel=文件名：
SharedFileLocationLabel=位置：
WizardUninstalling=卸载进度
StatusUninstalling=正在卸载%1...

; *** 关机时的提示
ShutdownBlockReasonInstallingApp=正在安装%1。
ShutdownBlockReasonUninstallingApp=正在卸载%1。

; 下面是脚本里用到的自定义提示。

[CustomMessages]

NameAndVersion=%1版本%2
AdditionalIcons=快捷方式：
CreateDesktopIcon=在桌面上建立快捷方式(&D)
CreateQuickLaunchIcon=在快速启动栏建立快捷方式(&Q)
ProgramOnTheWeb=%1网站
UninstallProgram=卸载%1
LaunchProgram=现在打开%1
AssocFileExtension=用%1打开%2文件(&A)
AssocingFileExtension=正在设置用%1打开%2文件...
AutoStartProgramGroupDescription=开机启动：
AutoStartProgram=开机自动启动%1
AddonHostProgramNotFound=在所选文件夹里找不到%1。%n%n仍然要继续吗？
