<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AckFiles</name>
    <message>
        <source>已写出 {0} 个回执文件：请把回执带回供电所，在供电所的“同步”页导入。</source>
        <translation>{0} acknowledgement file(s) written: take them back to the station and import them on its 同步 (Sync) page.</translation>
    </message>
    <message>
        <source>{0}（在 {1}）</source>
        <translation>{0} (on {1})</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <source>{0}&#x3000;{1}&#x3000;{2}</source>
        <translation>{0}   {1}   {2}</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>第一位管理员</source>
        <translation>First administrator</translation>
    </message>
    <message>
        <source>管理员可以添加人员、修改时限规则。请牢记密码。</source>
        <translation>The administrator adds staff and edits the deadline rules. Keep the password safe.</translation>
    </message>
    <message>
        <source>管理员姓名(&amp;M)：</source>
        <translation>Administrator&apos;s na&amp;me:</translation>
    </message>
    <message>
        <source>密码(&amp;P)：</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>再输一次密码(&amp;R)：</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message>
        <source>建立(&amp;O)</source>
        <translation>Create(&amp;O)</translation>
    </message>
    <message>
        <source>两次输入的密码不一样，请重新输入</source>
        <translation>The two passwords differ; please type them again</translation>
    </message>
</context>
<context>
    <name>AppealDialog</name>
    <message>
        <source>申诉</source>
        <translation>Appeal</translation>
    </message>
    <message>
        <source>提交申诉</source>
        <translation>Submit appeal</translation>
    </message>
    <message>
        <source>考核记录(&amp;V)</source>
        <translation>&amp;Breach record</translation>
    </message>
    <message>
        <source>申诉理由(&amp;R)</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>如：客户书面要求延期，有签字</source>
        <translation>e.g. the customer asked in writing for more time, signed</translation>
    </message>
    <message>
        <source>每条已确认的考核只能申诉一次，由县公司考核员裁决。</source>
        <translation>A confirmed breach can be appealed once; the county assessor decides.</translation>
    </message>
    <message>
        <source>您没有可以申诉的已确认考核。</source>
        <translation>You have no confirmed breach to appeal.</translation>
    </message>
</context>
<context>
    <name>AssessPage</name>
    <message>
        <source>考核：</source>
        <translation>Assessment:</translation>
    </message>
    <message>
        <source>立即检查</source>
        <translation>Check now</translation>
    </message>
    <message>
        <source>按制度检查登记簿，提出新的考核建议（每天开机后也会自动检查一次）</source>
        <translation>Check the register against the rules and propose new breaches (also done once a day after start-up)</translation>
    </message>
    <message>
        <source>打印月度考核表…</source>
        <translation>Print monthly assessment sheet…</translation>
    </message>
    <message>
        <source>人工登记违规…</source>
        <translation>Record a breach…</translation>
    </message>
    <message>
        <source>申诉…</source>
        <translation>Appeal…</translation>
    </message>
    <message>
        <source>确认</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>驳回…</source>
        <translation>Dismiss…</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>受理编号</source>
        <translation>Serial no.</translation>
    </message>
    <message>
        <source>首问责任人</source>
        <translation>First responder</translation>
    </message>
    <message>
        <source>条款</source>
        <translation>Clause</translation>
    </message>
    <message>
        <source>违反情形</source>
        <translation>Breach</translation>
    </message>
    <message>
        <source>金额(元)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>依据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>确认人</source>
        <translation>Confirmed by</translation>
    </message>
    <message>
        <source>驳回人</source>
        <translation>Dismissed by</translation>
    </message>
    <message>
        <source>驳回理由</source>
        <translation>Reason for dismissal</translation>
    </message>
    <message>
        <source>确认条数</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>罚款合计(元)</source>
        <translation>Fines (yuan)</translation>
    </message>
    <message>
        <source>通报</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>答复及时率</source>
        <translation>On-time reply rate</translation>
    </message>
    <message>
        <source>满意率</source>
        <translation>Satisfaction rate</translation>
    </message>
    <message>
        <source>待确认（{0}）</source>
        <translation>To review ({0})</translation>
    </message>
    <message>
        <source>{1} 已确认（{0}）</source>
        <translation>{1} confirmed ({0})</translation>
    </message>
    <message>
        <source>{1} 已驳回（{0}）</source>
        <translation>{1} dismissed ({0})</translation>
    </message>
    <message>
        <source>按首问责任人汇总</source>
        <translation>By first responder</translation>
    </message>
    <message>
        <source>系统按《供电服务首问责任制实施办法》从登记记录提出考核建议，不会自动处罚：请逐条核实后确认或驳回（驳回须写明理由）。双击一行打开该登记。</source>
        <translation>The checks propose breaches of the first-inquiry rules from the register; nobody is fined automatically: check each one, then confirm or dismiss it (a dismissal needs a reason). Double-click a row to open the entry.</translation>
    </message>
    <message>
        <source>这里可以查看各供电所的考核记录：员工的考核由各所所长确认或驳回，所长本人的考核和申诉由县公司考核员办理。双击一行打开该登记。</source>
        <translation>Every station&apos;s assessments are shown here: each station head confirms or dismisses those of their staff; the county assessor decides those of the heads and the appeals. Double-click a row to open the entry.</translation>
    </message>
    <message>
        <source>这里可以查看全所的考核记录；确认和驳回由所长办理。双击一行打开该登记。</source>
        <translation>The whole station&apos;s assessment records, read-only; the station head confirms or dismisses them. Double-click a row to open the entry.</translation>
    </message>
    <message>
        <source>这里只列出您本人的考核记录（只读）。对考核建议有异议，请在所长确认前向所长说明。</source>
        <translation>Only your own assessment records are listed (read-only). If you disagree with a proposal, tell the station head before it is confirmed.</translation>
    </message>
    <message>
        <source>待确认共 {0} 条，这里先列出最早的 {1} 条，处理后再显示后面的。</source>
        <translation> {0} proposals wait for review; the oldest {1} are listed here, the rest follow once these are done.</translation>
    </message>
    <message>
        <source>{0} 月确认考核 {1} 条，罚款合计 {2} 元。</source>
        <translation>{0}: {1} confirmed breaches, fines {2} yuan in total.</translation>
    </message>
    <message>
        <source>罚款 {0} 元，并{1}</source>
        <translation>a fine of {0} yuan and {1}</translation>
    </message>
    <message>
        <source>罚款 {0} 元</source>
        <translation>a fine of {0} yuan</translation>
    </message>
    <message>
        <source>确认考核 {0}：{1} §{2} {3}，{4}？
确认后计入 {1} {5} 月的考核表（按超期的月份，不是今天的月份），不能撤销。</source>
        <translation>Confirm breach {0}: {1} §{2} {3}, {4}?
Once confirmed it goes on {1}&apos;s assessment sheet of {5} (the month of the breach, not this month) and cannot be undone.</translation>
    </message>
    <message>
        <source>已确认考核记录 {0}（{1}，{2} 元），记在 {3} 月的考核表。</source>
        <translation>Breach {0} confirmed ({1}, {2} yuan), filed on the assessment sheet of {3}.</translation>
    </message>
    <message>
        <source>已驳回考核记录 {0}，理由已记录，列在 {1} 月的“已驳回”中。</source>
        <translation>Breach {0} dismissed, reason recorded; listed under {1} Dismissed.</translation>
    </message>
    <message>
        <source>确认考核</source>
        <translation>Confirm breach</translation>
    </message>
    <message>
        <source>正在检查登记簿……</source>
        <translation>Checking the register…</translation>
    </message>
    <message>
        <source>检查完成：新发现 {0} 条考核建议。</source>
        <translation>Check finished: {0} new proposed breaches.</translation>
    </message>
    <message>
        <source>检查完成：没有新的考核建议。</source>
        <translation>Check finished: no new proposed breaches.</translation>
    </message>
    <message>
        <source>已登记，待确认。</source>
        <translation>Recorded; awaiting a decision.</translation>
    </message>
    <message>
        <source>申诉已提交，由县公司考核员裁决。</source>
        <translation>Appeal submitted; the county assessor decides.</translation>
    </message>
    <message>
        <source>月度考核表 {0}</source>
        <translation>Monthly assessment sheet {0}</translation>
    </message>
</context>
<context>
    <name>AttachmentAddDialog</name>
    <message>
        <source>添加附件</source>
        <translation>Add attachments</translation>
    </message>
    <message>
        <source> 等 {0} 个</source>
        <translation> and {0} more</translation>
    </message>
    <message>
        <source>如：客户来信第1页、倒杆现场、户口本首页（可不填）</source>
        <translation>e.g. letter page 1, the fallen pole, household register first page (optional)</translation>
    </message>
    <message>
        <source>照片会自动摆正、缩小到2000像素以内，并去掉拍摄地点等信息；PDF原样保存。</source>
        <translation>Photos are turned upright, shrunk to at most 2000 pixels and lose where they were taken; PDFs are kept as they are.</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>适合窗口</source>
        <translation>Fit window</translation>
    </message>
    <message>
        <source>向左转</source>
        <translation>Rotate left</translation>
    </message>
    <message>
        <source>向右转</source>
        <translation>Rotate right</translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>第 {0} / {1} 页</source>
        <translation>Page {0} of {1}</translation>
    </message>
    <message>
        <source>无法显示这个文件</source>
        <translation>This file cannot be shown</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>添加附件…</source>
        <translation>Add attachment…</translation>
    </message>
    <message>
        <source>粘贴图片</source>
        <translation>Paste picture</translation>
    </message>
    <message>
        <source>查看</source>
        <translation>View</translation>
    </message>
    <message>
        <source>删除…</source>
        <translation>Remove…</translation>
    </message>
    <message>
        <source>附件（{0}）</source>
        <translation>Attachments ({0})</translation>
    </message>
    <message>
        <source>可把照片或PDF拖到这里，或复制图片后粘贴</source>
        <translation>Drop photos or PDFs here, or copy a picture and paste it</translation>
    </message>
    <message>
        <source>（无权查看）</source>
        <translation>(not shown to you)</translation>
    </message>
    <message>
        <source>（文件缺失）</source>
        <translation>(file missing)</translation>
    </message>
    <message>
        <source>客户证件只有首问责任人、客户经理、所长和管理员可以查看</source>
        <translation>Customer documents are shown only to the responder, the customer manager, the head and the administrator</translation>
    </message>
    <message>
        <source>{0} 由 {1} 添加</source>
        <translation>Added {0} by {1}</translation>
    </message>
    <message>
        <source>只有能修改这条登记的人可以添加或删除附件</source>
        <translation>Only who may edit this entry can add or remove attachments</translation>
    </message>
    <message>
        <source>选择照片或PDF</source>
        <translation>Choose photos or PDFs</translation>
    </message>
    <message>
        <source>照片或PDF</source>
        <translation>Photos or PDFs</translation>
    </message>
    <message>
        <source>剪贴板里没有图片：请先在微信或看图软件里复制图片。</source>
        <translation>There is no picture on the clipboard: copy one in WeChat or a picture viewer first.</translation>
    </message>
    <message>
        <source>粘贴的图片</source>
        <translation>Pasted picture</translation>
    </message>
    <message>
        <source>删除附件</source>
        <translation>Remove attachment</translation>
    </message>
    <message>
        <source>删除“{0}”的原因（文件保留到下次备份，审计记录可查）：</source>
        <translation>Why remove “{0}”? (The file is kept until the next backup; the audit log keeps the record.)</translation>
    </message>
</context>
<context>
    <name>ClausesTab</name>
    <message>
        <source>条款</source>
        <translation>Clause</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>罚款(元)</source>
        <translation>Fine (yuan)</translation>
    </message>
    <message>
        <source>另加处理</source>
        <translation>Also</translation>
    </message>
    <message>
        <source>名称(&amp;T)</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>罚款(元)(&amp;Y)</source>
        <translation>Fine in &amp;yuan</translation>
    </message>
    <message>
        <source>另加处理(&amp;S)</source>
        <translation>Al&amp;so</translation>
    </message>
    <message>
        <source>如 200 或 200.50</source>
        <translation>e.g. 200 or 200.50</translation>
    </message>
    <message>
        <source>如 全局通报批评（可不填）</source>
        <translation>e.g. criticised in a company notice (optional)</translation>
    </message>
    <message>
        <source>保存修改</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>只有管理员可以修改，每次修改都记入审计记录。新的金额只用于以后提出的考核建议；已提出的考核保持提出时的金额。</source>
        <translation>Only an administrator may change these; every change is audited. A new amount applies to breaches proposed from now on; those already proposed keep their amount.</translation>
    </message>
    <message>
        <source>已保存条款 §{0}。</source>
        <translation>Clause §{0} saved.</translation>
    </message>
</context>
<context>
    <name>CountyOverviewPage</name>
    <message>
        <source>各供电所总览：</source>
        <translation>Stations overview:</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>打印总览…</source>
        <translation>Print the overview…</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>打印所选供电所的超期清单…</source>
        <translation>Print the overdue lists of the selected stations…</translation>
    </message>
    <message>
        <source>打印全部超期清单…</source>
        <translation>Print all overdue lists…</translation>
    </message>
    <message>
        <source>超过多少天没有同步文件算逾期：</source>
        <translation>Days without a sync file before a station is late:</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>双击一行打开该供电所的登记簿；双击“已超期”或“最久超期”只看它的超期登记。点列标题排序。</source>
        <translation>Double-click a row to open that station&apos;s register; double-click Overdue or Oldest overdue to see only its overdue entries. Click a column title to sort.</translation>
    </message>
    <message>
        <source>供电所</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>本月登记</source>
        <translation>Entries this month</translation>
    </message>
    <message>
        <source>未办结</source>
        <translation>Unresolved</translation>
    </message>
    <message>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>最久超期</source>
        <translation>Oldest overdue</translation>
    </message>
    <message>
        <source>待所长处理</source>
        <translation>Waiting for the head</translation>
    </message>
    <message>
        <source>答复及时率</source>
        <translation>Reply on time</translation>
    </message>
    <message>
        <source>回访及时率</source>
        <translation>Follow-up in time</translation>
    </message>
    <message>
        <source>满意率</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>最近同步文件</source>
        <translation>Last sync file</translation>
    </message>
    <message>
        <source>距今</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>{0} 个供电所&#x3000;本月登记 {1} 条&#x3000;未办结 {2} 条&#x3000;已超期 {3} 条&#x3000;待所长处理 {4} 条</source>
        <translation>{0} stations   {1} entries this month   {2} open   {3} overdue   {4} waiting for the head</translation>
    </message>
    <message>
        <source>{0} 个所逾期未同步（超过 {1} 天没有同步文件），请电话催报</source>
        <translation>{0} station(s) late with their sync file (none for {1} days or more): phone them</translation>
    </message>
    <message>
        <source>还没有导入任何供电所的同步文件：请在“同步”页导入供电所带来的文件。</source>
        <translation>No station&apos;s sync file has been imported yet: import the files the stations bring on the 同步 (Sync) page.</translation>
    </message>
    <message>
        <source>从未导入</source>
        <translation>never imported</translation>
    </message>
    <message>
        <source>今天</source>
        <translation>today</translation>
    </message>
    <message>
        <source>{0} 天前</source>
        <translation>{0} days ago</translation>
    </message>
    <message>
        <source>（逾期）</source>
        <translation> (late)</translation>
    </message>
    <message>
        <source>超 {0} 天</source>
        <translation>{0} days over</translation>
    </message>
    <message>
        <source>{0}：{1}时限 {2}</source>
        <translation>{0}: {1} deadline {2}</translation>
    </message>
    <message>
        <source>{0}，{1} 导入</source>
        <translation>{0}, imported {1}</translation>
    </message>
    <message>
        <source>超过 {0} 天没有同步文件：请打电话请供电所带U盘来同步。</source>
        <translation>No sync file for {0} days or more: phone the station to bring its USB stick.</translation>
    </message>
    <message>
        <source>先在表中选中一个或几个供电所（按住 Ctrl 多选）</source>
        <translation>First select one or more stations in the table (Ctrl+click for several)</translation>
    </message>
    <message>
        <source>各供电所总览 {0}</source>
        <translation>Stations overview {0}</translation>
    </message>
    <message>
        <source>各供电所总览-{0}.pdf</source>
        <translation>stations-overview-{0}.pdf</translation>
    </message>
    <message>
        <source>超期事项清单 {0}</source>
        <translation>Overdue list {0}</translation>
    </message>
    <message>
        <source>超期事项清单-{0}.pdf</source>
        <translation>overdue-list-{0}.pdf</translation>
    </message>
    <message>
        <source>导出总览</source>
        <translation>Export the overview</translation>
    </message>
    <message>
        <source>各供电所总览-{0}.xlsx</source>
        <translation>stations-overview-{0}.xlsx</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>总览已导出到 {0}</source>
        <translation>Overview exported to {0}</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>查找客户：</source>
        <translation>Find a customer:</translation>
    </message>
    <message>
        <source>姓名、单位、电话或户号</source>
        <translation>Name, organisation, phone or account number</translation>
    </message>
    <message>
        <source>设定客户等级和客户经理…</source>
        <translation>Set tier and customer manager…</translation>
    </message>
    <message>
        <source>选中客户的登记记录：</source>
        <translation>Matters of the selected customer:</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>户号</source>
        <translation>Account no.</translation>
    </message>
    <message>
        <source>等级 / 客户经理</source>
        <translation>Tier / manager</translation>
    </message>
</context>
<context>
    <name>DecideDialog</name>
    <message>
        <source>上报原因：{0}</source>
        <translation>Reported because: {0}</translation>
    </message>
    <message>
        <source>协调指派：交部门或人员办理</source>
        <translation>Coordinate: assign to a department or a person</translation>
    </message>
    <message>
        <source>亲自答复客户</source>
        <translation>Answer the customer myself</translation>
    </message>
    <message>
        <source>（不指定部门）</source>
        <translation>(no department)</translation>
    </message>
    <message>
        <source>（不指定人员）</source>
        <translation>(nobody in particular)</translation>
    </message>
    <message>
        <source>如：请配电运维班会同邻村电工3天内处理完毕</source>
        <translation>e.g. distribution team with the next village electrician, within 3 days</translation>
    </message>
    <message>
        <source>承办部门(&amp;D)</source>
        <translation>&amp;Department</translation>
    </message>
    <message>
        <source>承办人(&amp;P)</source>
        <translation>&amp;Person</translation>
    </message>
    <message>
        <source>指示(&amp;I)</source>
        <translation>&amp;Instruction</translation>
    </message>
    <message>
        <source>办理时限(&amp;T)</source>
        <translation>&amp;Time limit</translation>
    </message>
    <message>
        <source>告诉客户的结果或原因</source>
        <translation>The result or the reason told to the customer</translation>
    </message>
    <message>
        <source>答复内容(&amp;A)</source>
        <translation>&amp;Answer</translation>
    </message>
</context>
<context>
    <name>DepartmentsTab</name>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>办公地点</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>新部门名称</source>
        <translation>New department&apos;s name</translation>
    </message>
    <message>
        <source>添加部门</source>
        <translation>Add department</translation>
    </message>
</context>
<context>
    <name>DismissDialog</name>
    <message>
        <source>驳回考核建议 {0}</source>
        <translation>Dismiss proposed breach {0}</translation>
    </message>
    <message>
        <source>{0}&#x3000;{1}&#x3000;§{2} {3}
{4}</source>
        <translation>{0}   {1}   §{2} {3}
{4}</translation>
    </message>
    <message>
        <source>驳回理由(&amp;R)（必填，将打印在月度考核表上）</source>
        <translation>&amp;Reason (required; printed on the monthly assessment sheet)</translation>
    </message>
    <message>
        <source>如：客户要求延期办理，有书面说明</source>
        <translation>e.g. the customer asked in writing to postpone</translation>
    </message>
    <message>
        <source>驳回</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <source>标记为重复登记 — {0}</source>
        <translation>Mark as duplicate — {0}</translation>
    </message>
    <message>
        <source>标记为重复并作废本条</source>
        <translation>Mark as duplicate and void this entry</translation>
    </message>
    <message>
        <source>如 {0}-00012，或只填 12</source>
        <translation>e.g. {0}-00012, or just 12</translation>
    </message>
    <message>
        <source>保留的登记(&amp;K)</source>
        <translation>Entry to &amp;keep</translation>
    </message>
    <message>
        <source>本条 {0} 将作废并注明重复；保留的那一条照常办理，两条可互相点开查看。</source>
        <translation>{0} will be voided as a duplicate; the entry kept goes on as usual, and each links to the other.</translation>
    </message>
    <message>
        <source>保留：{0}&#x3000;{1}&#x3000;{2}&#x3000;{3}</source>
        <translation>Keep: {0}   {1}   {2}   {3}</translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <source>来访人姓名(&amp;V)</source>
        <translation>&amp;Visitor&apos;s name</translation>
    </message>
    <message>
        <source>单位(&amp;U)</source>
        <translation>Organisation(&amp;U)</translation>
    </message>
    <message>
        <source>地址(&amp;D)</source>
        <translation>A&amp;ddress</translation>
    </message>
    <message>
        <source>联系方式(&amp;H)</source>
        <translation>P&amp;hone</translation>
    </message>
    <message>
        <source>户号(&amp;A)</source>
        <translation>&amp;Account no.</translation>
    </message>
    <message>
        <source>事由(&amp;M)</source>
        <translation>&amp;Matter</translation>
    </message>
    <message>
        <source>接待情况(&amp;N)</source>
        <translation>Reception &amp;notes</translation>
    </message>
    <message>
        <source>办理结果(&amp;J)</source>
        <translation>Result(&amp;J)</translation>
    </message>
</context>
<context>
    <name>EntryDetail</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>经过</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>办理经过（审计记录）</source>
        <translation>History (from the audit log)</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>办理经过（供电所的审计记录）</source>
        <translation>History (the station&apos;s audit records)</translation>
    </message>
    <message>
        <source>（按工作日估算：该年节假日尚未由县公司确认）</source>
        <translation> (estimated in working days: the county has not confirmed that year&apos;s holidays)</translation>
    </message>
    <message>
        <source>供电所</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>{0}（电话 {1}）</source>
        <translation>{0} (phone {1})</translation>
    </message>
    <message>
        <source>受理时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>来访人姓名</source>
        <translation>Visitor&apos;s name</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>联系方式</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>{0}（号码未经核实）</source>
        <translation>{0} (number not verified)</translation>
    </message>
    <message>
        <source>户号</source>
        <translation>Account no.</translation>
    </message>
    <message>
        <source>事由</source>
        <translation>Matter</translation>
    </message>
    <message>
        <source>首问责任人</source>
        <translation>First responder</translation>
    </message>
    <message>
        <source>承诺时限</source>
        <translation>Promised by</translation>
    </message>
    <message>
        <source>首次联系时限</source>
        <translation>First contact by</translation>
    </message>
    <message>
        <source>到达现场时限</source>
        <translation>On site by</translation>
    </message>
    <message>
        <source>恢复供电时限</source>
        <translation>Power restored by</translation>
    </message>
    <message>
        <source>95598工单号</source>
        <translation>95598 work order</translation>
    </message>
    <message>
        <source>工单时限</source>
        <translation>Work order due</translation>
    </message>
    <message>
        <source>办理结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>未办结原因</source>
        <translation>Reason unresolved</translation>
    </message>
    <message>
        <source>接待情况</source>
        <translation>Reception notes</translation>
    </message>
    <message>
        <source>一次性告知</source>
        <translation>One-time notice</translation>
    </message>
    <message>
        <source>回访时限</source>
        <translation>Follow-up due</translation>
    </message>
    <message>
        <source>作废原因</source>
        <translation>Reason voided</translation>
    </message>
    <message>
        <source>部门电话 {0}</source>
        <translation>Department phone {0}</translation>
    </message>
    <message>
        <source>部门电话未登记（请在“设置 → 部门”中补上）</source>
        <translation>No department phone (add it under Settings → Departments)</translation>
    </message>
    <message>
        <source>转办时限 {0}</source>
        <translation>Transfer due {0}</translation>
    </message>
    <message>
        <source>已撤回 {0}：{1}</source>
        <translation>Withdrawn {0}: {1}</translation>
    </message>
    <message>
        <source>已办完 {0}</source>
        <translation>done {0}</translation>
    </message>
    <message>
        <source>已超过转办时限</source>
        <translation>Past the transfer deadline</translation>
    </message>
    <message>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>重复登记，见 {0}</source>
        <translation>Duplicate registration, see {0}</translation>
    </message>
    <message>
        <source>重复的登记：{0}</source>
        <translation>Duplicates: {0}</translation>
    </message>
    <message>
        <source>县公司只查看：这条登记由供电所在本所办理。</source>
        <translation>The county only views this entry: the station works it on its own PC.</translation>
    </message>
    <message>
        <source>标记为重复登记…</source>
        <translation>Mark as duplicate…</translation>
    </message>
    <message>
        <source>督办单</source>
        <translation>Supervision slip</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{0} 已回访，确定办结吗？办结后不能再办理。</source>
        <translation>{0} has been followed up. Close it? A closed matter cannot be worked on again.</translation>
    </message>
    <message>
        <source>打印回执</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <source>打印一次性告知单</source>
        <translation>Print one-time notice</translation>
    </message>
    <message>
        <source>打印督办单</source>
        <translation>Print supervision slip</translation>
    </message>
    <message>
        <source>受理回执</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>一次性告知单</source>
        <translation>One-time notice</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <source>（未填）</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>保存登记。Ctrl+P：保存并打印回执。</source>
        <translation>Saves the entry. Ctrl+P: save and print the receipt.</translation>
    </message>
    <message>
        <source>保存并打印回执 (Ctrl+P)</source>
        <translation>Save and print receipt (Ctrl+P)</translation>
    </message>
    <message>
        <source>保存登记，随即打开回执的打印对话框。</source>
        <translation>Saves the entry and opens the receipt&apos;s print dialog at once.</translation>
    </message>
    <message>
        <source>取消 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>（选择业务类型，勾选缺少的材料）</source>
        <translation>(choose the kind of business, tick what is missing)</translation>
    </message>
    <message>
        <source>必填</source>
        <translation>required</translation>
    </message>
    <message>
        <source>承诺时限：选择类别后显示。</source>
        <translation>Promised deadline: shown once a category is chosen.</translation>
    </message>
    <message>
        <source>承诺时限：正在读取时限规则……</source>
        <translation>Promised deadline: reading the rule table…</translation>
    </message>
    <message>
        <source>{0}（{1} 前）</source>
        <translation>{0} (by {1})</translation>
    </message>
    <message>
        <source>承诺时限：此类别没有时限规则（当场办结或按规定办理）。</source>
        <translation>Promised deadline: this category has no rule (settled on the spot or as regulated).</translation>
    </message>
    <message>
        <source>承诺时限：</source>
        <translation>Promised deadline: </translation>
    </message>
    <message>
        <source>&lt;br&gt;已填写办理结果：保存后按“当场答复”登记，进入回访。</source>
        <translation>&lt;br&gt;A result is filled in: saved as answered on the spot, follow-up comes next.</translation>
    </message>
    <message>
        <source>老客户：&lt;b&gt;{0}&lt;/b&gt;{1}</source>
        <translation>Known customer: &lt;b&gt;{0}&lt;/b&gt;{1}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}客户&lt;/b&gt;：客户经理 {1} 是首问责任人。</source>
        <translation>&lt;b&gt;{0} customer&lt;/b&gt;: customer manager {1} is the first responder.</translation>
    </message>
    <message>
        <source>以前登记过 {0} 次。</source>
        <translation>Registered {0} times before.</translation>
    </message>
    <message>
        <source>⚠ 该客户90天内已投诉{0}次（重复投诉）：请所长关注，办理情况及时告知所长。</source>
        <translation>⚠ This customer has complained {0} times in 90 days (repeat complaint): tell the station head, and keep the head informed.</translation>
    </message>
    <message>
        <source>&lt;b style=&quot;color:#b00020&quot;&gt;⚠ 近90天投诉过 {0} 次：请耐心接待，办理情况及时告知所长。&lt;/b&gt;</source>
        <translation>&lt;b style=&quot;color:#b00020&quot;&gt;⚠ {0} complaints in the last 90 days: receive them patiently and keep the station head informed.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>按客户等级自动选定（可改）</source>
        <translation>Chosen by the customer&apos;s tier (may be changed)</translation>
    </message>
    <message>
        <source>放弃这条登记？</source>
        <translation>Discard this entry?</translation>
    </message>
    <message>
        <source>已填写的内容还没有保存。确定放弃吗？
（选“否”回到表单继续填写，按 Ctrl+S 保存。）</source>
        <translation>What you typed is not saved yet. Discard it?
(Choose No to go back to the form; Ctrl+S saves.)</translation>
    </message>
    <message>
        <source>已填写的内容还没有保存。确定放弃吗？</source>
        <translation>What you typed is not saved yet. Discard it?</translation>
    </message>
    <message>
        <source>新登记 — 首问登记</source>
        <translation>New entry — FirstAsk</translation>
    </message>
    <message>
        <source>渠道(&amp;Q)</source>
        <translation>Channel(&amp;Q)</translation>
    </message>
    <message>
        <source>类别(&amp;L)</source>
        <translation>Category(&amp;L)</translation>
    </message>
    <message>
        <source>受理时间(&amp;T)</source>
        <translation>Received a&amp;t</translation>
    </message>
    <message>
        <source>95598工单号(&amp;W)</source>
        <translation>95598 &amp;work order</translation>
    </message>
    <message>
        <source>95598工单上的编号</source>
        <translation>number on the 95598 work order</translation>
    </message>
    <message>
        <source>工单时限</source>
        <translation>Work order due</translation>
    </message>
    <message>
        <source>来访人姓名(&amp;V)</source>
        <translation>&amp;Visitor&apos;s name</translation>
    </message>
    <message>
        <source>单位(&amp;U)</source>
        <translation>Organisation(&amp;U)</translation>
    </message>
    <message>
        <source>个人来访可不填</source>
        <translation>may stay empty for a private person</translation>
    </message>
    <message>
        <source>地址(&amp;D)</source>
        <translation>A&amp;ddress</translation>
    </message>
    <message>
        <source>联系方式(&amp;H)</source>
        <translation>P&amp;hone</translation>
    </message>
    <message>
        <source>手机或固定电话，用于告知结果和回访</source>
        <translation>mobile or landline, to give the result and follow up</translation>
    </message>
    <message>
        <source>户号(&amp;A)</source>
        <translation>&amp;Account no.</translation>
    </message>
    <message>
        <source>电费单上的用电户号（如有）</source>
        <translation>account number on the electricity bill (if any)</translation>
    </message>
    <message>
        <source>填入客户信息(&amp;F)</source>
        <translation>&amp;Fill in the customer</translation>
    </message>
    <message>
        <source>事由(&amp;M)</source>
        <translation>&amp;Matter</translation>
    </message>
    <message>
        <source>客户反映的问题或要办的事</source>
        <translation>the customer&apos;s problem or request</translation>
    </message>
    <message>
        <source>首问责任人(&amp;R)</source>
        <translation>First &amp;responder</translation>
    </message>
    <message>
        <source>办理结果(&amp;J)</source>
        <translation>Result(&amp;J)</translation>
    </message>
    <message>
        <source>当场答复了就写答复内容；不能当场答复的留空</source>
        <translation>the answer given on the spot; leave empty when it could not be answered</translation>
    </message>
    <message>
        <source>接待情况(&amp;N)</source>
        <translation>Reception &amp;notes</translation>
    </message>
    <message>
        <source>如：客户情绪激动，已安抚</source>
        <translation>e.g. customer upset, calmed down</translation>
    </message>
    <message>
        <source>一次性告知(&amp;G)</source>
        <translation>One-time notice(&amp;G)</translation>
    </message>
    <message>
        <source>其他缺少的材料，用顿号“、”分隔</source>
        <translation>other missing documents, separated by “、”</translation>
    </message>
</context>
<context>
    <name>EntryTable</name>
    <message>
        <source>正在读取……</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>没有符合条件的登记。</source>
        <translation>No entries match.</translation>
    </message>
    <message>
        <source>超过 {0} 条，已显示 {1} 条（向下滚动显示更多，或加筛选条件缩小范围）</source>
        <translation>More than {0}, {1} shown (scroll down for more, or add a filter to narrow it down)</translation>
    </message>
    <message>
        <source>共 {0} 条，已显示 {1} 条（向下滚动显示更多）</source>
        <translation>{0} entries, {1} shown (scroll down for more)</translation>
    </message>
    <message>
        <source>共 {0} 条</source>
        <translation>{0} entries</translation>
    </message>
</context>
<context>
    <name>FinishPage</name>
    <message>
        <source>正在建立</source>
        <translation>Creating</translation>
    </message>
    <message>
        <source>请稍候，正在建立数据库……</source>
        <translation>Please wait, creating the database…</translation>
    </message>
    <message>
        <source>建立完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>
请点“上一步”修改后重试。</source>
        <translation>
Please go Back, correct it and try again.</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>第 {0} 次回访 — {1}</source>
        <translation>Follow-up no. {0} — {1}</translation>
    </message>
    <message>
        <source>客户的意见，如：客户表示问题已解决</source>
        <translation>what the customer said, e.g. the problem is solved</translation>
    </message>
    <message>
        <source>回访方式(&amp;M)</source>
        <translation>&amp;Method</translation>
    </message>
    <message>
        <source>是否联系上</source>
        <translation>Reached?</translation>
    </message>
    <message>
        <source>客户满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>回访记录(&amp;N)</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>
联系电话：{0}</source>
        <translation>
Phone: {0}</translation>
    </message>
</context>
<context>
    <name>FollowUpPage</name>
    <message>
        <source>请先在下面的列表中点选一条登记，再回访。</source>
        <translation>First choose an entry in the list below, then follow it up.</translation>
    </message>
    <message>
        <source>回访：已答复、到期应回访的登记（含超期未回访）</source>
        <translation>Follow-up: answered entries due for a follow-up call (including overdue ones)</translation>
    </message>
    <message>
        <source>回访选中的登记…</source>
        <translation>Follow up the selected entry…</translation>
    </message>
    <message>
        <source>我的今日及以前应回访</source>
        <translation>My follow-ups due today or earlier</translation>
    </message>
    <message>
        <source>今日及以前应回访</source>
        <translation>Due today or earlier</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>本页的使用说明 (F1)</source>
        <translation>Help on this page (F1)</translation>
    </message>
    <message>
        <source>打印用户手册…</source>
        <translation>Print the user guide…</translation>
    </message>
    <message>
        <source>打印制度上墙卡…</source>
        <translation>Print the wall card…</translation>
    </message>
    <message>
        <source>欢迎页</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>正在生成用户手册……</source>
        <translation>Building the user guide…</translation>
    </message>
    <message>
        <source>首问登记 用户手册</source>
        <translation>FirstAsk user guide</translation>
    </message>
    <message>
        <source>首问登记用户手册.pdf</source>
        <translation>FirstAsk-user-guide.pdf</translation>
    </message>
    <message>
        <source>制度上墙卡</source>
        <translation>Wall card</translation>
    </message>
    <message>
        <source>制度上墙卡.pdf</source>
        <translation>wall-card.pdf</translation>
    </message>
</context>
<context>
    <name>HolidayYearDialog</name>
    <message>
        <source>录入节假日安排</source>
        <translation>Enter the holiday schedule</translation>
    </message>
    <message>
        <source>年份：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>依据：</source>
        <translation>Source:</translation>
    </message>
    <message>
        <source>如 国务院办公厅关于2027年部分节假日安排的通知</source>
        <translation>e.g. the State Council notice on the 2027 holiday schedule</translation>
    </message>
    <message>
        <source>按国务院办公厅的放假通知填写：每个节日一行（开始、结束日期写成 2027-02-05），调休上班的周六、周日另列。保存后随下一个资料包发给各供电所。</source>
        <translation>Fill in from the State Council&apos;s notice: one row per holiday (dates written as 2027-02-05); the Saturdays and Sundays worked instead go below. Once saved, the next county package takes it to every station.</translation>
    </message>
    <message>
        <source>放假安排</source>
        <translation>Days off</translation>
    </message>
    <message>
        <source>调休上班日（周六或周日）</source>
        <translation>Make-up workdays (Saturday or Sunday)</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>开始</source>
        <translation>From</translation>
    </message>
    <message>
        <source>结束</source>
        <translation>To</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>添加一行</source>
        <translation>Add a row</translation>
    </message>
    <message>
        <source>删除选中行</source>
        <translation>Delete selected rows</translation>
    </message>
    <message>
        <source>点“预览影响”查看哪些未到期的时限会调整。</source>
        <translation>Click &quot;Preview&quot; to see which open deadlines would move.</translation>
    </message>
    <message>
        <source>预览影响</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>没有未到期的时限需要调整。</source>
        <translation>No open deadline needs to move.</translation>
    </message>
    <message>
        <source>保存后以下 {0} 处未到期的时限将调整：</source>
        <translation>Saving moves these {0} open deadlines:</translation>
    </message>
    <message>
        <source>保存节假日</source>
        <translation>Save holidays</translation>
    </message>
    <message>
        <source>保存{0}年的节假日安排？该年原有的数据将被替换，未到期的时限随之调整。</source>
        <translation>Save the holiday schedule of {0}? What is stored for that year is replaced and open deadlines move with it.</translation>
    </message>
</context>
<context>
    <name>HolidaysTab</name>
    <message>
        <source>只有管理员可以修改节假日。</source>
        <translation>Only an administrator may change the holidays.</translation>
    </message>
    <message>
        <source>节假日由县公司按国务院通知统一录入，随资料包下发。</source>
        <translation>The county enters the holidays from the State Council&apos;s notice and sends them in its package.</translation>
    </message>
    <message>
        <source>只有县公司导出节假日文件。</source>
        <translation>Only the county exports holiday files.</translation>
    </message>
    <message>
        <source>年份：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>星期</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>节日</source>
        <translation>Holiday</translation>
    </message>
    <message>
        <source>录入/修改年份…</source>
        <translation>Enter or change a year…</translation>
    </message>
    <message>
        <source>导入节假日文件…</source>
        <translation>Import a holiday file…</translation>
    </message>
    <message>
        <source>导出节假日文件…</source>
        <translation>Export a holiday file…</translation>
    </message>
    <message>
        <source>表中没有的日子按周一至周五上班计算。新的年份由县公司按国务院办公厅的放假通知录入，随资料包下发；“暂按法定节假日估算”的年份还没有调休安排，其工作日时限只是估算。</source>
        <translation>Days not in the table count as Monday to Friday working days. New years are entered by the county from the State Council&apos;s notice and arrive in its package; a year marked &quot;estimated from statutory holidays&quot; has no make-up days yet, so its working-day deadlines are estimates.</translation>
    </message>
    <message>
        <source>{0}年节假日已保存，{1} 处未到期的时限随之调整。请生成资料包发给各供电所。</source>
        <translation>The holidays of {0} are saved; {1} open deadlines moved. Write a county package for the stations.</translation>
    </message>
    <message>
        <source>选择县公司的节假日文件</source>
        <translation>Choose the county&apos;s holiday file</translation>
    </message>
    <message>
        <source>节假日文件 (*.json *.csv)</source>
        <translation>Holiday files (*.json *.csv)</translation>
    </message>
    <message>
        <source>已导入{0}年节假日，{1} 处未到期的时限随之调整。</source>
        <translation>The holidays of {0} are imported; {1} open deadlines moved.</translation>
    </message>
    <message>
        <source>选择U盘上的文件夹</source>
        <translation>Choose a folder on the USB stick</translation>
    </message>
    <message>
        <source>已导出</source>
        <translation>Exported</translation>
    </message>
    <message>
        <source>已写出 {0}（带县公司签名）。供电所管理员可在“设置 → 节假日”导入。</source>
        <translation>Wrote {0} (signed by the county). A station&apos;s administrator imports it under Settings → Holidays.</translation>
    </message>
    <message>
        <source>放假</source>
        <translation>Day off</translation>
    </message>
    <message>
        <source>调休上班</source>
        <translation>Make-up working day</translation>
    </message>
    <message>
        <source>星期{0}</source>
        <translation>Day {0}</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <source>公钥</source>
        <translation>Public keys</translation>
    </message>
    <message>
        <source>已登记的公钥</source>
        <translation>Registered public keys</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>指纹</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>By</translation>
    </message>
    <message>
        <source>被替换的旧密钥仍可核验旧电脑换下前签的回执和U盘备份。旧电脑后来发现丢失或被盗时，选中它的旧密钥，点“作废选中的旧密钥…”：它签的东西从此一律不信任。</source>
        <translation>A replaced key still checks the receipts and USB backups its old computer signed before the change. If that computer later turns out lost or stolen, select its old key and click “Revoke the selected old key…”: nothing it signed is trusted again.</translation>
    </message>
    <message>
        <source>作废选中的旧密钥…</source>
        <translation>Revoke the selected old key…</translation>
    </message>
    <message>
        <source>本机公钥指纹：{0}（交给对方时，请电话念给对方核对）</source>
        <translation>This computer&apos;s key fingerprint: {0} (read it out to the other side by phone when you hand over the key file)</translation>
    </message>
    <message>
        <source>在用</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>已替换</source>
        <translation>Replaced</translation>
    </message>
    <message>
        <source>现在登记的密钥：对方发来的文件用它核验。</source>
        <translation>The key registered now: the other side&apos;s files are checked with it.</translation>
    </message>
    <message>
        <source>旧电脑丢失或被盗：它签的回执、备份和文件一律不信任。</source>
        <translation>Its computer was lost or stolen: no receipt, backup or file it signed is trusted.</translation>
    </message>
    <message>
        <source>换电脑时被替换：换下之前签的回执和U盘备份仍可核验。</source>
        <translation>Replaced with a new computer: receipts and USB backups signed before the change still check.</translation>
    </message>
    <message>
        <source>先在表中选中一把被替换的旧密钥。</source>
        <translation>Select a replaced old key in the table first.</translation>
    </message>
    <message>
        <source>这把旧密钥早已作废。</source>
        <translation>This old key is revoked already.</translation>
    </message>
    <message>
        <source>在用的密钥不能直接作废：先导入对方新电脑的公钥并确认替换，替换时勾选“旧电脑丢失或被盗”。</source>
        <translation>The key in use cannot be revoked alone: import the public key of their new computer and confirm the replacement, ticking “the old computer was lost or stolen”.</translation>
    </message>
    <message>
        <source>作废{0}的旧密钥？
指纹：{1}

只有旧电脑丢失或被盗时才作废。作废后，它签的回执、U盘备份和文件一律不信任，这把密钥也不能再登记。作废不能撤销。</source>
        <translation>Revoke the old key of {0}?
Fingerprint: {1}

Revoke only when the old computer was lost or stolen. Once revoked, nothing it signed (receipts, USB backups, files) is trusted, and the key cannot be registered again. This cannot be undone.</translation>
    </message>
    <message>
        <source>

这只在本机生效：县公司核验回执和备份时以县公司登记的为准，请同时通知县公司作废这把密钥。</source>
        <translation>

This applies on this computer only: the county checks receipts and backups against the keys it registered, so ask the county to revoke this key too.</translation>
    </message>
    <message>
        <source>作废旧密钥</source>
        <translation>Revoke an old key</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>{0}，请输入密码解锁：</source>
        <translation>{0}, type your password to unlock:</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>切换人员</source>
        <translation>Switch person</translation>
    </message>
    <message>
        <source>返回</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>登录 — {0} 首问登记</source>
        <translation>Log in — {0} FirstAsk</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>LoginPanel</name>
    <message>
        <source>请选择您的姓名：</source>
        <translation>Choose your name:</translation>
    </message>
    <message>
        <source>密码(&amp;P)：</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>请先在列表中选择您的姓名。</source>
        <translation>Please choose your name in the list first.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>首问登记 — {0}</source>
        <translation>FirstAsk — {0}</translation>
    </message>
    <message>
        <source>总览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>登记簿</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>待办</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>回访</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>客户</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>考核</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>锁定 (Ctrl+L)</source>
        <translation>Lock (Ctrl+L)</translation>
    </message>
    <message>
        <source>离开座位时锁定，客户信息将被隐藏</source>
        <translation>Lock when you leave the desk: customers&apos; data is hidden</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>当前人员：{0}（{1}）</source>
        <translation>Logged in: {0} ({1})</translation>
    </message>
    <message>
        <source>已超期 {0} 条</source>
        <translation>{0} overdue</translation>
    </message>
    <message>
        <source>今日到期 {0}</source>
        <translation>due today {0}</translation>
    </message>
    <message>
        <source>待回访 {0}</source>
        <translation>follow-ups {0}</translation>
    </message>
    <message>
        <source>各所待所长处理 {0}</source>
        <translation>Waiting for station heads {0}</translation>
    </message>
    <message>
        <source>待所长处理 {0}</source>
        <translation>for the head {0}</translation>
    </message>
    <message>
        <source>转办将到期 {0}</source>
        <translation>Transfers due soon {0}</translation>
    </message>
    <message>
        <source>已登记 {0}，首问责任人 {1}</source>
        <translation>Registered {0}, first responder {1}</translation>
    </message>
    <message>
        <source>，承诺时限 {0}</source>
        <translation>, promised by {0}</translation>
    </message>
    <message>
        <source>受理回执 {0}</source>
        <translation>Receipt {0}</translation>
    </message>
    <message>
        <source>受理回执-{0}.pdf</source>
        <translation>receipt-{0}.pdf</translation>
    </message>
</context>
<context>
    <name>ManualBreachDialog</name>
    <message>
        <source>人工登记违规</source>
        <translation>Record a breach</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>条款(&amp;C)</source>
        <translation>&amp;Clause</translation>
    </message>
    <message>
        <source>违规人员(&amp;P)</source>
        <translation>&amp;Person</translation>
    </message>
    <message>
        <source>受理编号(&amp;S)</source>
        <translation>&amp;Serial</translation>
    </message>
    <message>
        <source>拒绝登记等没有登记的，不填</source>
        <translation>Leave empty when nothing was registered (e.g. turned away)</translation>
    </message>
    <message>
        <source>发生时间(&amp;T)</source>
        <translation>&amp;When</translation>
    </message>
    <message>
        <source>经过(&amp;W)</source>
        <translation>&amp;What happened</translation>
    </message>
    <message>
        <source>如：接待时语气生硬，未使用文明用语</source>
        <translation>e.g. spoke curtly, no courteous language</translation>
    </message>
    <message>
        <source>证据说明(&amp;E)</source>
        <translation>&amp;Evidence</translation>
    </message>
    <message>
        <source>如：客户当面反映，有录音</source>
        <translation>e.g. the customer complained in person; a recording exists</translation>
    </message>
    <message>
        <source>登记后与自动发现的一样，待所长确认或驳回；针对所长本人的由县公司考核员决定。</source>
        <translation>Like a detected breach it awaits the head&apos;s decision; one against the head is decided by the county assessor.</translation>
    </message>
</context>
<context>
    <name>ModePage</name>
    <message>
        <source>欢迎使用首问登记</source>
        <translation>Welcome to FirstAsk</translation>
    </message>
    <message>
        <source>这台电脑上还没有数据。请选择要做什么：</source>
        <translation>This PC has no data yet. What would you like to do?</translation>
    </message>
    <message>
        <source>建立本供电所的首问登记（第一次正式使用）</source>
        <translation>Set up this supply station&apos;s register (first real use)</translation>
    </message>
    <message>
        <source>建立县公司数据库（汇总各供电所的U盘同步文件）</source>
        <translation>Set up the county office database (merges the stations&apos; USB sync files)</translation>
    </message>
    <message>
        <source>生成演示供电所（试用、培训用，含 {0} 条示例登记）</source>
        <translation>Create the demo station (for trying out and training, {0} sample entries)</translation>
    </message>
</context>
<context>
    <name>NewPasswordDialog</name>
    <message>
        <source>新密码(&amp;N)</source>
        <translation>&amp;New password</translation>
    </message>
    <message>
        <source>再输一次(&amp;R)</source>
        <translation>&amp;Repeat</translation>
    </message>
    <message>
        <source>两次输入的新密码不一样，请重新输入。</source>
        <translation>The two new passwords differ; please type them again.</translation>
    </message>
    <message>
        <source>新密码：{0}</source>
        <translation>New password: {0}</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>撤回原因</source>
        <translation>Reason for withdrawing</translation>
    </message>
    <message>
        <source>如：转错了部门，本应转抢修班</source>
        <translation>e.g. sent to the wrong department; it should go to the repair team</translation>
    </message>
    <message>
        <source>联系情况</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>如：已电话联系客户，说明处理安排（可不填）</source>
        <translation>e.g. called the customer and explained the plan (optional)</translation>
    </message>
    <message>
        <source>督办情况</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <source>如：电话督办抢修班，答复今天下午到现场</source>
        <translation>e.g. chased the repair team by phone; on site this afternoon</translation>
    </message>
    <message>
        <source>办理情况</source>
        <translation>What was done</translation>
    </message>
    <message>
        <source>转办部门反馈的办理情况（可不填）</source>
        <translation>what the department reported back (optional)</translation>
    </message>
    <message>
        <source>办理结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>告诉客户的办理结果，如：已更换计量表，电费已退还</source>
        <translation>the result told to the customer, e.g. meter replaced, charge refunded</translation>
    </message>
    <message>
        <source>未办结原因</source>
        <translation>Reason unresolved</translation>
    </message>
    <message>
        <source>不能解决的原因，将上报所长，并告知客户</source>
        <translation>why it cannot be solved; reported to the station head and told to the customer</translation>
    </message>
    <message>
        <source>作废原因</source>
        <translation>Reason for voiding</translation>
    </message>
    <message>
        <source>如：重复登记，同一事项已由他人受理</source>
        <translation>e.g. registered twice, already taken by a colleague</translation>
    </message>
    <message>
        <source>哪项转办(&amp;W)</source>
        <translation>&amp;Which transfer</translation>
    </message>
    <message>
        <source>保存后将上报所长，状态变为“未办结已上报”。上报不是答复：仍须按时告知客户原因或结果。</source>
        <translation>Saving reports it to the station head (status: unresolved, reported). A report is not an answer: the customer must still be told the reason or result in time.</translation>
    </message>
    <message>
        <source>撤回后这项转办仍留在登记上，标为“已撤回”并记下原因；请再转给正确的部门，或自己办理。</source>
        <translation>The transfer stays on the entry, marked withdrawn with the reason; transfer it to the right department, or handle it yourself.</translation>
    </message>
    <message>
        <source>作废后登记仍保留，受理编号不再使用。</source>
        <translation>A voided entry is kept; its serial number is never reused.</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>已超期 {0} 条</source>
        <translation>{0} overdue</translation>
    </message>
    <message>
        <source>今日到期 {0} 条</source>
        <translation>{0} due today</translation>
    </message>
    <message>
        <source>待回访 {0} 条</source>
        <translation>{0} follow-ups due</translation>
    </message>
    <message>
        <source>转办即将到期 {0} 条，请督办</source>
        <translation>{0} transfers due soon, please chase them</translation>
    </message>
    <message>
        <source>上报待所长处理 {0} 条</source>
        <translation>{0} escalations for the station head</translation>
    </message>
    <message>
        <source>首问登记</source>
        <translation>FirstAsk</translation>
    </message>
    <message>
        <source>首问登记：待办提醒</source>
        <translation>FirstAsk: to-do reminder</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>修改我的密码 — {0}</source>
        <translation>Change my password — {0}</translation>
    </message>
    <message>
        <source>原密码(&amp;O)</source>
        <translation>&amp;Old password</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>共 {0} 页</source>
        <translation>{0} pages</translation>
    </message>
    <message>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>另存为PDF(&amp;S)…</source>
        <translation>&amp;Save as PDF…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>打印机没有响应：请检查打印机是否开机、联机，或先另存为PDF。</source>
        <translation>The printer does not respond: check that it is on and online, or save as PDF first.</translation>
    </message>
    <message>
        <source>另存为PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>已保存并核对无误（{0} 页）：
{1}
如保存在U盘上，现在可以安全拔出。</source>
        <translation>Saved and checked ({0} pages):
{1}
If it is on a USB stick, it is now safe to unplug.</translation>
    </message>
</context>
<context>
    <name>PreferencesTab</name>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>文字大小</source>
        <translation>Text size</translation>
    </message>
    <message>
        <source>无人操作自动锁定（分钟）</source>
        <translation>Lock after idle minutes</translation>
    </message>
    <message>
        <source>回执打印份数</source>
        <translation>Receipt copies</translation>
    </message>
    <message>
        <source>保存登记后显示回执</source>
        <translation>Show the receipt after saving</translation>
    </message>
    <message>
        <source>我的密码</source>
        <translation>My password</translation>
    </message>
    <message>
        <source>小</source>
        <translation>Small</translation>
    </message>
    <message>
        <source>中</source>
        <translation>Medium</translation>
    </message>
    <message>
        <source>大</source>
        <translation>Large</translation>
    </message>
    <message>
        <source>应用（管理员）</source>
        <translation>Apply (administrator)</translation>
    </message>
    <message>
        <source>是（可直接打印或关闭）</source>
        <translation>Yes (print it or close it)</translation>
    </message>
    <message>
        <source>修改我的密码…</source>
        <translation>Change my password…</translation>
    </message>
</context>
<context>
    <name>QuarantineWindow</name>
    <message>
        <source>隔离记录</source>
        <translation>Quarantined records</translation>
    </message>
    <message>
        <source>隔离记录：同步时与本库不一致、等待人工决定的记录</source>
        <translation>Quarantined records: records from sync files that clash with this database and wait for a person to decide</translation>
    </message>
    <message>
        <source>导入供电所的同步文件时，这些记录与本库已存的版本冲突（例如同一版本的内容不同），没有合并。请选中一条，核对两个版本（不同的字段已标出），再决定：“保留现有”不采用文件中的版本；“采用文件中的版本”用它替换本库中的记录。决定会记下处理人和时间，不能撤销；拿不准时请先打电话问供电所。</source>
        <translation>When the stations&apos; sync files were imported, these records clashed with the version stored here (for example the same revision with other content) and were not merged. Select one, compare the two versions (the differing fields are marked), then decide: &quot;Keep stored&quot; does not take the file&apos;s version; &quot;Take the file&apos;s version&quot; replaces the record stored here with it. The decision is recorded with who made it and when, and cannot be undone; if in doubt, phone the station first.</translation>
    </message>
    <message>
        <source>显示已处理的</source>
        <translation>Show decided ones</translation>
    </message>
    <message>
        <source>保留现有</source>
        <translation>Keep stored</translation>
    </message>
    <message>
        <source>采用文件中的版本</source>
        <translation>Take the file&apos;s version</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>供电所</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>受理编号/名称</source>
        <translation>Serial no. / name</translation>
    </message>
    <message>
        <source>隔离原因</source>
        <translation>Why quarantined</translation>
    </message>
    <message>
        <source>隔离时间</source>
        <translation>Quarantined at</translation>
    </message>
    <message>
        <source>处理情况</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>本库现有的版本</source>
        <translation>Stored version</translation>
    </message>
    <message>
        <source>文件中的版本</source>
        <translation>Version in the file</translation>
    </message>
    <message>
        <source>您可以查看隔离记录，但不能处理：请由有“导出和导入”权限的人员（所长、管理员或县公司管理员）处理。</source>
        <translation>You may look at quarantined records but not decide on them: ask someone allowed to export and import (the station head, an administrator or the county administrator).</translation>
    </message>
    <message>
        <source>待处理</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>采用了文件中的版本</source>
        <translation>Took the file&apos;s version</translation>
    </message>
    <message>
        <source>{0}（{1}，{2}）</source>
        <translation>{0} ({1}, {2})</translation>
    </message>
    <message>
        <source>待处理 {0} 条</source>
        <translation>{0} waiting</translation>
    </message>
    <message>
        <source>（共 {0} 条，先列出最早的 {1} 条）</source>
        <translation> ({0} in all; the oldest {1} are listed)</translation>
    </message>
    <message>
        <source>在上面的列表中选中一条记录，这里会并排显示两个版本。</source>
        <translation>Select a record in the list above to see its two versions side by side here.</translation>
    </message>
    <message>
        <source>第 {0} 号隔离记录：{1} {2}，来自 {3}（{4}），文件中的版本号 {5}。</source>
        <translation>Quarantined record {0}: {1} {2}, from {3} ({4}), revision {5} in the file.</translation>
    </message>
    <message>
        <source>隔离原因：{0}</source>
        <translation>Why: {0}</translation>
    </message>
    <message>
        <source>本库中没有这条记录：采用文件中的版本会新增它。</source>
        <translation>This record is not stored here: taking the file&apos;s version adds it.</translation>
    </message>
    <message>
        <source>有 {0} 处不同（已标出）：{1}</source>
        <translation>{0} field(s) differ (marked): {1}</translation>
    </message>
    <message>
        <source>两个版本的内容相同。</source>
        <translation>Both versions have the same content.</translation>
    </message>
    <message>
        <source>客户的个人信息已按保密规定隐去；不同之处仍会标出。</source>
        <translation>Customers&apos; personal data is hidden (confidentiality rules); differences are still marked.</translation>
    </message>
    <message>
        <source>已处理：{0}。</source>
        <translation>Decided: {0}.</translation>
    </message>
    <message>
        <source>（已隐去）</source>
        <translation>(hidden)</translation>
    </message>
    <message>
        <source>审计记录不能替换：县公司保留已存的版本。</source>
        <translation>Audit records cannot be replaced: the county keeps the stored version.</translation>
    </message>
    <message>
        <source>用{0}（{1}）文件中的版本替换本库中的{2}？
本库中的版本会被覆盖（审计记录里留有原样），此决定不能撤销。</source>
        <translation>Replace the stored {2} with the version in the file from {0} ({1})?
The stored version is overwritten (the audit log keeps it as it was); this cannot be undone.</translation>
    </message>
    <message>
        <source>保留本库中的{0}，不采用{1}（{2}）文件中的版本？
此决定不能撤销；供电所那边的版本不会被改动。</source>
        <translation>Keep the stored {0} and not take the version in the file from {1} ({2})?
This cannot be undone; the station&apos;s own copy is not changed.</translation>
    </message>
    <message>
        <source>第 {0} 号隔离记录已处理：采用了文件中的版本。</source>
        <translation>Quarantined record {0} decided: the file&apos;s version was taken.</translation>
    </message>
    <message>
        <source>第 {0} 号隔离记录已处理：保留现有版本。</source>
        <translation>Quarantined record {0} decided: the stored version was kept.</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <source>如：李娜休产假，由张伟接手</source>
        <translation>e.g. Li Na is on leave; Zhang Wei takes over</translation>
    </message>
    <message>
        <source>新的首问责任人(&amp;P)</source>
        <translation>New first &amp;responder</translation>
    </message>
    <message>
        <source>改派原因(&amp;R)</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>现在的首问责任人：{0}。改派后原责任人和新责任人都保留；今天起到期的考核记在新责任人名下。</source>
        <translation>Current first responder: {0}. Both are kept on record; breaches due from today name the new responder.</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>受理编号</source>
        <translation>Serial no.</translation>
    </message>
    <message>
        <source>受理时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>来访人</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <source>联系方式</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>事由</source>
        <translation>Matter</translation>
    </message>
    <message>
        <source>首问责任人</source>
        <translation>First responder</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>承诺时限</source>
        <translation>Promised by</translation>
    </message>
    <message>
        <source>时限情况</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>供电所</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>回访 {0}</source>
        <translation>follow-up {0}</translation>
    </message>
    <message>
        <source>{0}（号码未经核实）</source>
        <translation>{0} (number not verified)</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>筛选：</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <source>搜索：姓名、电话、户号、编号、事由或拼音首字母</source>
        <translation>Search: name, phone, account, serial, matter or pinyin initials</translation>
    </message>
    <message>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>打印登记簿…</source>
        <translation>Print register…</translation>
    </message>
    <message>
        <source>打印所选月份（未选时为本月）的登记簿，客户信息已遮挡，可上墙公示</source>
        <translation>Print the chosen month&apos;s register (this month if none), customers&apos; data masked, for the wall</translation>
    </message>
    <message>
        <source>新登记 (Ctrl+N)</source>
        <translation>New entry (Ctrl+N)</translation>
    </message>
    <message>
        <source>全部月份</source>
        <translation>All months</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>全部渠道</source>
        <translation>All channels</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>全部责任人</source>
        <translation>All responders</translation>
    </message>
    <message>
        <source>全部供电所</source>
        <translation>All stations</translation>
    </message>
    <message>
        <source>未办结（全部）</source>
        <translation>Open (all)</translation>
    </message>
    <message>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>正在生成 {0} 登记簿……</source>
        <translation>Building the register of {0}…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>打印登记簿</source>
        <translation>Print register</translation>
    </message>
    <message>
        <source>登记簿 {0}</source>
        <translation>Register {0}</translation>
    </message>
    <message>
        <source>登记簿-{0}.pdf</source>
        <translation>register-{0}.pdf</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>重置密码 — {0}</source>
        <translation>Reset password — {0}</translation>
    </message>
    <message>
        <source>为 {0} 设置一个新密码（至少6位）。设置后请当面告诉本人。</source>
        <translation>Set a new password for {0} (at least 6 characters), then tell them in person.</translation>
    </message>
</context>
<context>
    <name>RulesTab</name>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>计时节点</source>
        <translation>Clock</translation>
    </message>
    <message>
        <source>区域</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>时限</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>选中规则的时限：</source>
        <translation>Limit of the selected rule:</translation>
    </message>
    <message>
        <source>依据（文件、条款）</source>
        <translation>basis (document, clause)</translation>
    </message>
    <message>
        <source>保存修改</source>
        <translation>Save change</translation>
    </message>
    <message>
        <source>只有管理员可以修改。修改只影响以后的登记；已登记的事项保持当时承诺的时限。</source>
        <translation>Only an administrator may change these. A change applies to new entries; registered matters keep the deadline promised then.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>界面与打印</source>
        <translation>Display and printing</translation>
    </message>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>时限规则</source>
        <translation>Deadline rules</translation>
    </message>
    <message>
        <source>考核条款</source>
        <translation>Assessment clauses</translation>
    </message>
    <message>
        <source>节假日</source>
        <translation>Holidays</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>首问登记 — 首次设置</source>
        <translation>FirstAsk — first set-up</translation>
    </message>
    <message>
        <source>下一步(&amp;N) &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>&lt; 上一步(&amp;B)</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>开始使用(&amp;F)</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>已建立{0}（{1}）。请用管理员“{2}”登录，然后在“设置”中添加本所人员。</source>
        <translation>{0} ({1}) is set up. Log in as administrator “{2}”, then add the station&apos;s staff under Settings.</translation>
    </message>
    <message>
        <source>演示供电所已生成：{0}，{1} 条登记，{2} 名人员。
所有演示人员的密码都是 {3}。</source>
        <translation>Demo station created: {0}, {1} entries, {2} staff.
Every demo account&apos;s password is {3}.</translation>
    </message>
</context>
<context>
    <name>StaffTab</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>初始密码（至少6位）</source>
        <translation>initial password (6 or more)</translation>
    </message>
    <message>
        <source>添加人员</source>
        <translation>Add staff</translation>
    </message>
    <message>
        <source>重置选中人员的密码…</source>
        <translation>Reset password of the selected person…</translation>
    </message>
    <message>
        <source>停用选中人员…</source>
        <translation>Deactivate the selected person…</translation>
    </message>
    <message>
        <source>离职或调走的人员：不能再登录，以前的登记和记录全部保留</source>
        <translation>For leavers: they can no longer log in; their entries and records are all kept</translation>
    </message>
    <message>
        <source>（无部门）</source>
        <translation>(no department)</translation>
    </message>
    <message>
        <source>已为 {0} 设置新密码，请当面告诉本人，并请本人登录后自己修改。</source>
        <translation>New password set for {0}: tell them in person and ask them to change it after logging in.</translation>
    </message>
    <message>
        <source>停用 {0}（{1}）？
停用后不能再登录；以前的登记、办理记录和考核记录全部保留。</source>
        <translation>Deactivate {0} ({1})?
They can no longer log in; their entries, steps and assessment records are all kept.</translation>
    </message>
    <message>
        <source>停用人员</source>
        <translation>Deactivate staff member</translation>
    </message>
    <message>
        <source>已停用 {0}。</source>
        <translation>{0} deactivated.</translation>
    </message>
</context>
<context>
    <name>StationFilter</name>
    <message>
        <source>全部供电所</source>
        <translation>All stations</translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <source>供电所信息</source>
        <translation>Supply station</translation>
    </message>
    <message>
        <source>编码用于受理编号（如 GS0101-2026-00001），建好后不能修改。</source>
        <translation>The code is part of every serial number (e.g. GS0101-2026-00001) and cannot be changed later.</translation>
    </message>
    <message>
        <source>如：城关供电所</source>
        <translation>e.g. 城关供电所</translation>
    </message>
    <message>
        <source>如：榆中县供电公司</source>
        <translation>e.g. 榆中县供电公司</translation>
    </message>
    <message>
        <source>供电所编码(&amp;C)：</source>
        <translation>Station &amp;code:</translation>
    </message>
    <message>
        <source>供电所名称(&amp;N)：</source>
        <translation>Station &amp;name:</translation>
    </message>
    <message>
        <source>所属县公司(&amp;X)：</source>
        <translation>County office(&amp;X):</translation>
    </message>
    <message>
        <source>供电区域(&amp;A)：</source>
        <translation>&amp;Area:</translation>
    </message>
</context>
<context>
    <name>StatsPage</name>
    <message>
        <source>月度统计：</source>
        <translation>Monthly statistics:</translation>
    </message>
    <message>
        <source>打印统计表…</source>
        <translation>Print statistics…</translation>
    </message>
    <message>
        <source>按首问责任人</source>
        <translation>By first responder</translation>
    </message>
    <message>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>电话或户号</source>
        <translation>Phone or account no.</translation>
    </message>
    <message>
        <source>近90天投诉次数</source>
        <translation>Complaints in 90 days</translation>
    </message>
    <message>
        <source>首问责任人</source>
        <translation>First responder</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>答复及时</source>
        <translation>Answered in time</translation>
    </message>
    <message>
        <source>答复超时</source>
        <translation>Answered late</translation>
    </message>
    <message>
        <source>答复及时率</source>
        <translation>In time</translation>
    </message>
    <message>
        <source>超期未办</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>未办结</source>
        <translation>Unresolved</translation>
    </message>
    <message>
        <source>满意率</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>还没有登记，没有可统计的月份。</source>
        <translation>No entries yet: no month to count.</translation>
    </message>
    <message>
        <source>重复投诉客户（近90天投诉3次及以上）：{0} 位</source>
        <translation>Repeat complainants (3 or more complaints in 90 days): {0}</translation>
    </message>
    <message>
        <source>重复投诉客户：近90天没有投诉3次及以上的客户。</source>
        <translation>Repeat complainants: no customer complained 3 or more times in the last 90 days.</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>户号</source>
        <translation>Account no.</translation>
    </message>
    <message>
        <source>受理总数</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>回访及时率</source>
        <translation>Follow-up in time</translation>
    </message>
    <message>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>按类别</source>
        <translation>By category</translation>
    </message>
    <message>
        <source>按渠道</source>
        <translation>By channel</translation>
    </message>
    <message>
        <source>按状态</source>
        <translation>By status</translation>
    </message>
    <message>
        <source>月度统计 {0}</source>
        <translation>Statistics {0}</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>同步：汇总各供电所的U盘同步文件</source>
        <translation>Sync: merge the stations&apos; USB sync files</translation>
    </message>
    <message>
        <source>同步：把本所的登记带到县公司</source>
        <translation>Sync: carry the register to the county office</translation>
    </message>
    <message>
        <source>U盘：</source>
        <translation>USB stick:</translation>
    </message>
    <message>
        <source>其他文件夹…</source>
        <translation>Other folder…</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>导出到U盘</source>
        <translation>Export to USB stick</translation>
    </message>
    <message>
        <source>导出全部记录（县公司要求重新汇总时才勾选）</source>
        <translation>Export everything (only when the county asks for a full merge)</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>导入各供电所的同步文件…</source>
        <translation>Import the stations&apos; sync files…</translation>
    </message>
    <message>
        <source>导入县公司文件（资料包、回执）…</source>
        <translation>Import the county&apos;s files (packages, acknowledgements)…</translation>
    </message>
    <message>
        <source>接受新的供电所（已打电话核对过指纹）</source>
        <translation>Accept new stations (fingerprint checked by phone)</translation>
    </message>
    <message>
        <source>生成县公司资料包（人员、时限规则、节假日）…</source>
        <translation>Write the county package (staff, deadline rules, holidays)…</translation>
    </message>
    <message>
        <source>密钥（第一次同步前交换一次）</source>
        <translation>Keys (exchanged once before the first sync)</translation>
    </message>
    <message>
        <source>导入供电所公钥…</source>
        <translation>Import a station&apos;s public key…</translation>
    </message>
    <message>
        <source>导入县公司公钥…</source>
        <translation>Import the county&apos;s public key…</translation>
    </message>
    <message>
        <source>导出本机公钥到U盘…</source>
        <translation>Export this PC&apos;s public key to the stick…</translation>
    </message>
    <message>
        <source>已登记的公钥…</source>
        <translation>Registered public keys…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>供电所</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>最后文件号</source>
        <translation>Last file no.</translation>
    </message>
    <message>
        <source>最后导入</source>
        <translation>Last import</translation>
    </message>
    <message>
        <source>缺少的文件号</source>
        <translation>Missing file nos.</translation>
    </message>
    <message>
        <source>待处理</source>
        <translation>To resolve</translation>
    </message>
    <message>
        <source>登记数</source>
        <translation>Entries</translation>
    </message>
    <message>
        <source>这个版本没有U盘同步功能。</source>
        <translation>This version has no USB sync.</translation>
    </message>
    <message>
        <source>（没有找到U盘：请插入，或选择其他文件夹）</source>
        <translation>(no USB stick found: plug one in, or choose another folder)</translation>
    </message>
    <message>
        <source>已登记 {0} 个供电所。</source>
        <translation>{0} stations registered.</translation>
    </message>
    <message>
        <source>县公司：{0}（{1}），公钥指纹 {2}</source>
        <translation>County office: {0} ({1}), key fingerprint {2}</translation>
    </message>
    <message>
        <source>&lt;b&gt;还没有导入县公司的公钥&lt;/b&gt;：请先点下面的“导入县公司公钥”，并打电话与县公司核对指纹。</source>
        <translation>&lt;b&gt;The county&apos;s public key is not imported yet&lt;/b&gt;: click “Import the county&apos;s public key” below and check the fingerprint with the county by phone.</translation>
    </message>
    <message>
        <source>上次导出：第 {0} 号（{1}），县公司已确认收到至第 {2} 号。</source>
        <translation>Last export: no. {0} ({1}); the county acknowledged up to no. {2}.</translation>
    </message>
    <message>
        <source>还没有导出过。</source>
        <translation>Nothing exported yet.</translation>
    </message>
    <message>
        <source>上次导出以来有 {0} 条记录有改动。</source>
        <translation>{0} records changed since the last export.</translation>
    </message>
    <message>
        <source>隔离记录：{0} 条待处理…</source>
        <translation>Quarantined records: {0} waiting…</translation>
    </message>
    <message>
        <source>选择U盘上的文件夹</source>
        <translation>Choose a folder on the USB stick</translation>
    </message>
    <message>
        <source>还没有导入县公司的公钥：同步文件要加密给县公司。请先点本页下面的“导入县公司公钥…”，选U盘上县公司发来的公钥文件，并打电话核对指纹。</source>
        <translation>The county office&apos;s public key is not imported yet: sync files are encrypted for the county. First click &quot;Import the county&apos;s public key…&quot; below on this page, choose the key file the county sent on the USB stick, and check its fingerprint by phone.</translation>
    </message>
    <message>
        <source>请先插入U盘，或点“其他文件夹…”选择保存位置。</source>
        <translation>Plug in a USB stick first, or choose “Other folder…”.</translation>
    </message>
    <message>
        <source>选择同步文件</source>
        <translation>Choose sync files</translation>
    </message>
    <message>
        <source>同步文件 ({0})</source>
        <translation>Sync files ({0})</translation>
    </message>
    <message>
        <source>已取消：没有写出文件，数据库也没有改变。</source>
        <translation>Cancelled: no file was written and the database did not change.</translation>
    </message>
    <message>
        <source>选择对方的公钥文件</source>
        <translation>Choose the other side&apos;s public key file</translation>
    </message>
    <message>
        <source>公钥文件 (*.json)</source>
        <translation>Public key files (*.json)</translation>
    </message>
    <message>
        <source>{0}
指纹：{1}

请打电话让对方念出他们电脑上显示的指纹，逐字核对。完全一致吗？</source>
        <translation>{0}
Fingerprint: {1}

Phone the other side, have them read the fingerprint shown on their PC and compare every character. Is it exactly the same?</translation>
    </message>
    <message>
        <source>核对公钥指纹</source>
        <translation>Check the key fingerprint</translation>
    </message>
    <message>
        <source>替换已登记的公钥</source>
        <translation>Replace the registered public key</translation>
    </message>
    <message>
        <source>{0}已经登记了另一把公钥。
原指纹：{1}
新指纹：{2}

只有对方确实换了电脑或重装了程序时才替换。请打电话让对方念出新电脑上显示的指纹，逐字核对。</source>
        <translation>{0} already has another public key registered.
Registered fingerprint: {1}
New fingerprint: {2}

Replace it only if they really changed computers or reinstalled. Call them and have them read the fingerprint shown on the new computer; compare it character by character.</translation>
    </message>
    <message>
        <source>

注意：这把公钥在 {0} 被替换下来过。请确认对方确实换回了原来的电脑，而不是U盘上留着的旧公钥文件。</source>
        <translation>

Note: this public key was replaced here on {0}. Make sure they really went back to their earlier computer, and that this is not an old key file left on a stick.</translation>
    </message>
    <message>
        <source>

替换后，旧密钥换电脑前签的回执和U盘备份仍可核验；旧电脑丢失或被盗时请勾选下面一项，旧密钥签的东西从此一律不信任。</source>
        <translation>

After the replacement, receipts and USB backups the old key signed before the change still check; if the old computer was lost or stolen, tick the box below and nothing the old key signed is trusted again.</translation>
    </message>
    <message>
        <source>

替换后只认新密钥签的资料包和回执。县公司的旧电脑丢失或被盗时请勾选下面一项，旧密钥从此不能再登记。</source>
        <translation>

After the replacement only packages and acknowledgements signed by the new key are accepted. If the county&apos;s old computer was lost or stolen, tick the box below: the old key can never be registered again.</translation>
    </message>
    <message>
        <source>旧电脑丢失或被盗（旧密钥作废）</source>
        <translation>The old computer was lost or stolen (revoke the old key)</translation>
    </message>
    <message>
        <source>核对一致，替换</source>
        <translation>Fingerprint checked: replace</translation>
    </message>
</context>
<context>
    <name>TierDialog</name>
    <message>
        <source>客户等级 — {0}</source>
        <translation>Customer tier — {0}</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>客户等级(&amp;T)</source>
        <translation>&amp;Tier</translation>
    </message>
    <message>
        <source>客户经理(&amp;M)</source>
        <translation>Customer &amp;manager</translation>
    </message>
    <message>
        <source>金、银、铜牌客户来访或来电时，客户经理自动成为首问责任人。</source>
        <translation>For gold, silver and bronze customers the customer manager becomes the first responder.</translation>
    </message>
</context>
<context>
    <name>TodoPage</name>
    <message>
        <source>待办（全县）：各供电所超期和即将到期的登记、即将到期的转办，以及各所等待所长处理的上报。由各所办理，县公司电话督促。</source>
        <translation>To do (whole county): every station&apos;s overdue and nearly due entries, transfers nearly due, and escalations waiting for station heads. The stations work them; the county chases them by phone.</translation>
    </message>
    <message>
        <source>待办：超期和即将到期的登记、即将到期的转办，以及等待所长处理的上报</source>
        <translation>To do: overdue and soon-due entries, transfers due soon, and escalations waiting for the station head</translation>
    </message>
    <message>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>今日到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>本周到期</source>
        <translation>Due this week</translation>
    </message>
    <message>
        <source>转办即将到期</source>
        <translation>Transfers due soon</translation>
    </message>
    <message>
        <source>各所上报待所长处理</source>
        <translation>Escalated, waiting for station heads</translation>
    </message>
    <message>
        <source>上报待所长处理</source>
        <translation>Escalated to the head</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>（不指定人员）</source>
        <translation>(nobody in particular)</translation>
    </message>
    <message>
        <source>交代要办的事和时限，如：请今天下班前到现场处理</source>
        <translation>what to do and by when, e.g. please go on site before the end of today</translation>
    </message>
    <message>
        <source>另定转办时限</source>
        <translation>Own deadline</translation>
    </message>
    <message>
        <source>转给部门(&amp;D)</source>
        <translation>To &amp;department</translation>
    </message>
    <message>
        <source>部门人员(&amp;P)</source>
        <translation>&amp;Person there</translation>
    </message>
    <message>
        <source>转办说明(&amp;N)</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>转办时限(&amp;T)</source>
        <translation>&amp;Time limit</translation>
    </message>
    <message>
        <source>不另定时，转办时限就是对客户承诺的时限{0}。您仍是首问责任人，要督办到底。</source>
        <translation>Without its own deadline, the transfer is due when the customer was promised{0}. You remain the first responder and chase it to the end.</translation>
    </message>
    <message>
        <source>（请选择部门）</source>
        <translation>(choose a department)</translation>
    </message>
    <message>
        <source>请选择转给哪个部门</source>
        <translation>Choose the department to transfer to</translation>
    </message>
    <message>
        <source>请写明要对方办什么，如：请今天下班前到现场处理</source>
        <translation>Say what they are to do, e.g. please go on site before the end of today</translation>
    </message>
    <message>
        <source>转办</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>{0}是您自己的部门。本部门职责内的事应当场答复；不能及时答复的，请“标记未办结并上报”由所长处理。确定仍要转给{0}吗？</source>
        <translation>{0} is your own department. A matter of your own department is answered on the spot; if it cannot be answered in time, mark it unresolved and report it to the station head. Transfer it to {0} anyway?</translation>
    </message>
</context>
<context>
    <name>TransfersTable</name>
    <message>
        <source>受理编号</source>
        <translation>Serial no.</translation>
    </message>
    <message>
        <source>转办时限</source>
        <translation>Transfer due</translation>
    </message>
    <message>
        <source>承办部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>部门电话</source>
        <translation>Department phone</translation>
    </message>
    <message>
        <source>首问责任人</source>
        <translation>First responder</translation>
    </message>
    <message>
        <source>最近督办</source>
        <translation>Last chased</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>事由</source>
        <translation>Matter</translation>
    </message>
    <message>
        <source>未登记</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>已超过转办时限</source>
        <translation>Past the transfer deadline</translation>
    </message>
    <message>
        <source>24小时内到期</source>
        <translation>Due within 24 hours</translation>
    </message>
    <message>
        <source>接收人当个工作日未接收</source>
        <translation>Not accepted by the colleague within the working day</translation>
    </message>
    <message>
        <source>共 {0} 条。请打电话督办承办部门，并在登记里记录督办情况（双击打开）。</source>
        <translation>{0} in all. Phone the department to chase them, and record it in the entry (double-click to open).</translation>
    </message>
    <message>
        <source>没有即将到期的转办。</source>
        <translation>No transfers due soon.</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <source>如：重复登记，同一事项已由他人受理</source>
        <translation>e.g. registered twice, already taken by a colleague</translation>
    </message>
    <message>
        <source>作废原因(&amp;R)</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>批准人（所长）(&amp;A)</source>
        <translation>&amp;Approver (station head)</translation>
    </message>
    <message>
        <source>批准人密码(&amp;W)</source>
        <translation>Approver&apos;s pass&amp;word</translation>
    </message>
    <message>
        <source>作废后登记仍保留，受理编号不再使用；已发生的超期考核不会撤销。</source>
        <translation>The entry is kept and its serial never reused; breaches already found stay.</translation>
    </message>
    <message>
        <source>须经所长批准：{0}</source>
        <translation>Needs the station head&apos;s approval: {0}</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>欢迎使用首问登记</source>
        <translation>Welcome to FirstAsk</translation>
    </message>
    <message>
        <source>{0}，您好！三件事，马上上手：</source>
        <translation>Hello {0}! Three things to get started:</translation>
    </message>
    <message>
        <source>登记 (Ctrl+N)</source>
        <translation>Register (Ctrl+N)</translation>
    </message>
    <message>
        <source>客户来访、来电或95598工单：点“新登记”，填好按 Ctrl+S 保存，回执随即可打印。</source>
        <translation>A visit, a call or a 95598 work order: click “New entry”, fill it in, Ctrl+S saves; the receipt is ready to print.</translation>
    </message>
    <message>
        <source>待办</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>每天先看“待办”：已超期、今日到期和转办快到期的事，逐条办结。</source>
        <translation>Start each day with “To do”: overdue, due today and transfers due, one by one.</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>每月用U盘把登记带到县公司：“同步”页，插上U盘，点“导出到U盘”。</source>
        <translation>Each month take the register to the county on a USB stick: the “Sync” page, insert the stick, click “Export to USB stick”.</translation>
    </message>
    <message>
        <source>在任何一页按 F1，都会打开用户手册中讲这一页的章节。</source>
        <translation>F1 on any page opens the user guide at the chapter about that page.</translation>
    </message>
    <message>
        <source>以后不再显示（可在“帮助 → 欢迎页”再次打开）</source>
        <translation>Do not show again (Help → Welcome shows it again)</translation>
    </message>
    <message>
        <source>打开用户手册</source>
        <translation>Open the user guide</translation>
    </message>
    <message>
        <source>知道了</source>
        <translation>Got it</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>首问登记</source>
        <translation>FirstAsk</translation>
    </message>
    <message>
        <source>无法打开数据</source>
        <translation>Cannot open the data</translation>
    </message>
    <message>
        <source>无法打开数据文件夹 {0}：{1}
请检查磁盘，或联系县公司。</source>
        <translation>Cannot open the data folder {0}: {1}
Check the disk, or call the county office.</translation>
    </message>
    <message>
        <source>登记簿已损坏</source>
        <translation>The register is damaged</translation>
    </message>
    <message>
        <source>

现在用这个备份恢复吗？</source>
        <translation>

Restore it from this backup now?</translation>
    </message>
    <message>
        <source>已用备份 {0} 恢复登记簿。</source>
        <translation>The register was restored from backup {0}.</translation>
    </message>
    <message>
        <source>损坏的文件保留在：{0}</source>
        <translation> The damaged file is kept at: {0}</translation>
    </message>
    <message>
        <source>电脑时钟不对</source>
        <translation>The PC&apos;s clock is wrong</translation>
    </message>
    <message>
        <source>正在把登记簿升级到新版本（原文件已先备份）……
登记多的要等十几秒，请不要关闭程序或电脑。</source>
        <translation>Upgrading the register to the new version (the old file was backed up first)...
A large register takes a dozen seconds or so. Do not close the program or turn off the PC.</translation>
    </message>
    <message>
        <source>首问登记：升级登记簿</source>
        <translation>FirstAsk: upgrading the register</translation>
    </message>
    <message>
        <source>自动备份没有成功：{0}</source>
        <translation>The automatic backup failed: {0}</translation>
    </message>
    <message>
        <source>今日考核检查：新发现 {0} 条考核建议，请到“考核”页逐条确认或驳回。</source>
        <translation>Today&apos;s assessment check: {0} new proposed breaches; confirm or dismiss each on the Assessment page.</translation>
    </message>
    <message>
        <source>今日考核检查没有完成：{0}</source>
        <translation>Today&apos;s assessment check did not finish: {0}</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>渠道</source>
        <translation>channel</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>category</translation>
    </message>
    <message>
        <source>来访人姓名</source>
        <translation>visitor&apos;s name</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>unit</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>address</translation>
    </message>
    <message>
        <source>联系方式</source>
        <translation>contact phone</translation>
    </message>
    <message>
        <source>户号</source>
        <translation>account number</translation>
    </message>
    <message>
        <source>事由</source>
        <translation>matter</translation>
    </message>
    <message>
        <source>办理结果</source>
        <translation>result</translation>
    </message>
    <message>
        <source>接待情况</source>
        <translation>reception notes</translation>
    </message>
    <message>
        <source>95598工单号</source>
        <translation>95598 work order number</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>读写文件失败：{0}。请检查U盘或磁盘是否已插好、是否已满，然后重试。</source>
        <translation>Reading or writing a file failed: {0}. Check that the stick or disk is plugged in and not full, then try again.</translation>
    </message>
    <message>
        <source>出错了：{0}: {1}。数据没有被部分修改（每次保存要么完整保存，要么完全不保存）；请重试，仍不行请联系县公司。</source>
        <translation>Something went wrong: {0}: {1}. Nothing was half-saved (each save is whole or not at all); try again, and call the county office if it persists.</translation>
    </message>
    <message>
        <source>密码不正确，请重新输入（再错{0}次，账户将锁定{1}分钟）。</source>
        <translation>Wrong password, please try again ({0} more wrong tries lock the account for {1} minutes).</translation>
    </message>
    <message>
        <source>不能完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <source>出错了</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>号码核对不上</source>
        <translation>Number cannot be verified</translation>
    </message>
    <message>
        <source>联系方式“{0}”核对不上：{1}。

请先与客户核对号码。确认无误、仍按所填保存吗？
（保存后这条登记标记“号码未经核实”，回访名单上也会显示。选“否”回去修改号码。）</source>
        <translation>The phone number “{0}” cannot be verified: {1}.

Please check the number with the customer first. Is it correct, and should it be saved as entered?
(The entry will be marked “number not verified”, also on the follow-up list. Choose “No” to go back and change the number.)</translation>
    </message>
    <message>
        <source>由他人负责的原因</source>
        <translation>Reason someone else is responsible</translation>
    </message>
    <message>
        <source>{0}

写明由他人负责的原因后保存（如：客户经理{1}休假，客户要求当场办理）。
选“取消”回去把首问责任人改为{1}。</source>
        <translation>{0}

Give the reason someone else takes it, then save (e.g. customer manager {1} is on leave and the customer wants it handled now).
Choose Cancel to go back and make {1} the first responder.</translation>
    </message>
</context>
<context>
    <name>records</name>
    <message>
        <source>供电所</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Staff member</translation>
    </message>
    <message>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>转办</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>督办</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <source>回访</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>上报</source>
        <translation>Escalation</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>时限规则</source>
        <translation>Deadline rule</translation>
    </message>
    <message>
        <source>节假日表</source>
        <translation>Holiday calendar</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>受理编号计数</source>
        <translation>Serial counter</translation>
    </message>
    <message>
        <source>审计记录</source>
        <translation>Audit record</translation>
    </message>
    <message>
        <source>考核条款</source>
        <translation>Assessment clause</translation>
    </message>
    <message>
        <source>考核记录</source>
        <translation>Assessment record</translation>
    </message>
    <message>
        <source>来访人姓名</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>联系方式</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>号码未经核实</source>
        <translation>Number not verified</translation>
    </message>
    <message>
        <source>事由</source>
        <translation>Matter</translation>
    </message>
    <message>
        <source>首问责任人</source>
        <translation>Responder</translation>
    </message>
    <message>
        <source>办理结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>接待情况</source>
        <translation>Reception notes</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>受理时间</source>
        <translation>Received at</translation>
    </message>
    <message>
        <source>户号</source>
        <translation>Account no.</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>供电所编码</source>
        <translation>Station code</translation>
    </message>
    <message>
        <source>供电所名称</source>
        <translation>Station name</translation>
    </message>
    <message>
        <source>县公司</source>
        <translation>County office</translation>
    </message>
    <message>
        <source>供电区域</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>运行模式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>受理编号</source>
        <translation>Serial no.</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>回访方式</source>
        <translation>Follow-up method</translation>
    </message>
    <message>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>回访结果</source>
        <translation>Follow-up outcome</translation>
    </message>
    <message>
        <source>一次性告知材料</source>
        <translation>Documents listed once</translation>
    </message>
    <message>
        <source>95598工单号</source>
        <translation>95598 work order no.</translation>
    </message>
    <message>
        <source>客户等级</source>
        <translation>Customer tier</translation>
    </message>
    <message>
        <source>办公地点</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>承诺时限</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>计时节点</source>
        <translation>Clock</translation>
    </message>
    <message>
        <source>时限单位</source>
        <translation>Time unit</translation>
    </message>
    <message>
        <source>时限数值</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <source>罚款金额</source>
        <translation>Fine (yuan)</translation>
    </message>
    <message>
        <source>自动锁屏时间</source>
        <translation>Auto-lock time</translation>
    </message>
    <message>
        <source>记录标识</source>
        <translation>Record ID</translation>
    </message>
    <message>
        <source>版本号</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>创建时间</source>
        <translation>Created at</translation>
    </message>
    <message>
        <source>修改时间</source>
        <translation>Updated at</translation>
    </message>
    <message>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>部门名称</source>
        <translation>Department name</translation>
    </message>
    <message>
        <source>在用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>备用电话</source>
        <translation>Other phone</translation>
    </message>
    <message>
        <source>客户经理</source>
        <translation>Customer manager</translation>
    </message>
    <message>
        <source>登记人</source>
        <translation>Registered by</translation>
    </message>
    <message>
        <source>未办结原因</source>
        <translation>Why unresolved</translation>
    </message>
    <message>
        <source>首次联系时限</source>
        <translation>First contact due</translation>
    </message>
    <message>
        <source>节假日年份</source>
        <translation>Holiday year</translation>
    </message>
    <message>
        <source>节假日状态</source>
        <translation>Holiday status</translation>
    </message>
    <message>
        <source>节假日依据</source>
        <translation>Holiday source</translation>
    </message>
    <message>
        <source>放假日期</source>
        <translation>Days off</translation>
    </message>
    <message>
        <source>节日名称</source>
        <translation>Holiday name</translation>
    </message>
    <message>
        <source>调休上班日</source>
        <translation>Make-up workday</translation>
    </message>
    <message>
        <source>节假日文件</source>
        <translation>Holiday file</translation>
    </message>
    <message>
        <source>到达现场时限</source>
        <translation>On site due</translation>
    </message>
    <message>
        <source>恢复供电时限</source>
        <translation>Power restored due</translation>
    </message>
    <message>
        <source>回访时限</source>
        <translation>Follow-up due</translation>
    </message>
    <message>
        <source>工单时限</source>
        <translation>Work order due</translation>
    </message>
    <message>
        <source>首次联系时间</source>
        <translation>First contact at</translation>
    </message>
    <message>
        <source>答复时间</source>
        <translation>Answered at</translation>
    </message>
    <message>
        <source>办结时间</source>
        <translation>Closed at</translation>
    </message>
    <message>
        <source>重新办理次数</source>
        <translation>Times reopened</translation>
    </message>
    <message>
        <source>拼音首字母</source>
        <translation>Pinyin initials</translation>
    </message>
    <message>
        <source>转交人员</source>
        <translation>Handed to</translation>
    </message>
    <message>
        <source>转办时间</source>
        <translation>Transferred at</translation>
    </message>
    <message>
        <source>接收时间</source>
        <translation>Accepted at</translation>
    </message>
    <message>
        <source>完成时间</source>
        <translation>Done at</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>By</translation>
    </message>
    <message>
        <source>作废前的状态</source>
        <translation>Status before void</translation>
    </message>
    <message>
        <source>重复的原登记</source>
        <translation>Duplicate of</translation>
    </message>
    <message>
        <source>规定依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>通报处理</source>
        <translation>Sanction</translation>
    </message>
    <message>
        <source>违反情形</source>
        <translation>Breach</translation>
    </message>
    <message>
        <source>依据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>条款</source>
        <translation>Clause</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>发现时间</source>
        <translation>Detected at</translation>
    </message>
    <message>
        <source>考核状态</source>
        <translation>Assessment state</translation>
    </message>
    <message>
        <source>决定人</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <source>决定时间</source>
        <translation>Decided at</translation>
    </message>
    <message>
        <source>驳回理由</source>
        <translation>Dismissal reason</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>Sequence no.</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>Actor</translation>
    </message>
    <message>
        <source>操作人标识</source>
        <translation>Actor ID</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>表</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>所改记录的标识</source>
        <translation>ID of the record changed</translation>
    </message>
    <message>
        <source>修改前</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>修改后</source>
        <translation>After</translation>
    </message>
    <message>
        <source>前一条的哈希</source>
        <translation>Previous hash</translation>
    </message>
    <message>
        <source>哈希</source>
        <translation>Hash</translation>
    </message>
    <message>
        <source>非客户经理负责的原因</source>
        <translation>Why not the customer manager</translation>
    </message>
    <message>
        <source>退回时间</source>
        <translation>Returned at</translation>
    </message>
    <message>
        <source>退回原因</source>
        <translation>Reason returned</translation>
    </message>
    <message>
        <source>撤回时间</source>
        <translation>Withdrawn at</translation>
    </message>
    <message>
        <source>撤回原因</source>
        <translation>Reason for withdrawing</translation>
    </message>
    <message>
        <source>处理决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>处理说明</source>
        <translation>Decision note</translation>
    </message>
    <message>
        <source>批准人</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <source>原首问责任人</source>
        <translation>Former first responder</translation>
    </message>
    <message>
        <source>新首问责任人</source>
        <translation>New first responder</translation>
    </message>
    <message>
        <source>登记方式</source>
        <translation>How recorded</translation>
    </message>
    <message>
        <source>人工登记人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>发生时间</source>
        <translation>Occurred at</translation>
    </message>
    <message>
        <source>指示</source>
        <translation>Instruction</translation>
    </message>
    <message>
        <source>违规人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>经过</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <source>附件类别</source>
        <translation>Attachment kind</translation>
    </message>
    <message>
        <source>文件校验值</source>
        <translation>File checksum</translation>
    </message>
    <message>
        <source>文件大小</source>
        <translation>File size</translation>
    </message>
    <message>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>文件类型</source>
        <translation>File type</translation>
    </message>
    <message>
        <source>添加时间</source>
        <translation>Added at</translation>
    </message>
    <message>
        <source>添加人</source>
        <translation>Added by</translation>
    </message>
    <message>
        <source>删除时间</source>
        <translation>Removed at</translation>
    </message>
    <message>
        <source>删除人</source>
        <translation>Removed by</translation>
    </message>
    <message>
        <source>删除原因</source>
        <translation>Reason for removal</translation>
    </message>
    <message>
        <source>改派</source>
        <translation>Reassign</translation>
    </message>
    <message>
        <source>申诉</source>
        <translation>Appeal</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <source>不能为空，请填写{0}</source>
        <translation>Required: please fill in the {0}</translation>
    </message>
    <message>
        <source>不能超过{0}个字（现在是{1}个字），请删减</source>
        <translation>At most {0} characters (now {1}): please shorten it</translation>
    </message>
    <message>
        <source>格式不对。{0}</source>
        <translation>Not a valid number. {0}</translation>
    </message>
    <message>
        <source>请选择一项：{0}</source>
        <translation>Please choose one: {0}</translation>
    </message>
    <message>
        <source>“{0}”不是可选项，请从以下选择：{1}</source>
        <translation>&quot;{0}&quot; is not a choice; please choose one of: {1}</translation>
    </message>
    <message>
        <source>95598转办的登记必须填写工单号</source>
        <translation>A matter from 95598 needs its work order number</translation>
    </message>
    <message>
        <source>不能当场答复的事项必须记录联系电话，以便告知办理结果和回访</source>
        <translation>A matter not answered on the spot needs a phone number, to tell the customer the result and to follow up</translation>
    </message>
    <message>
        <source>可填写：手机 138 1234 5678；固话 0931-8123456（分机写成 0931-8123456转123）；服务号码 95598 或 400-123-4567</source>
        <translation>For example: mobile 138 1234 5678; landline 0931-8123456 (extension: 0931-8123456转123); service numbers 95598 or 400-123-4567</translation>
    </message>
</context>
<context>
    <name>vocab</name>
    <message>
        <source>来访</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>来电</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <source>来信</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>网络</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>95598转办</source>
        <translation>95598 hotline</translation>
    </message>
    <message>
        <source>咨询</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Enquiry</translation>
    </message>
    <message>
        <source>投诉</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>举报</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>报修</source>
        <translation>Repair</translation>
    </message>
    <message>
        <source>业务办理</source>
        <translation>Business</translation>
    </message>
    <message>
        <source>意见建议</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <source>表扬</source>
        <translation>Praise</translation>
    </message>
    <message>
        <source>已登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>已转办</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <source>已答复</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>未办结已上报</source>
        <translation>Unresolved, escalated</translation>
    </message>
    <message>
        <source>已回访</source>
        <translation>Followed up</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>营业员</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>客户经理</source>
        <translation>Customer manager</translation>
    </message>
    <message>
        <source>所长</source>
        <translation>Station head</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>县公司管理员</source>
        <translation>County administrator</translation>
    </message>
    <message>
        <source>县公司考核员</source>
        <translation>County assessor</translation>
    </message>
    <message>
        <source>城区</source>
        <translation>Urban</translation>
    </message>
    <message>
        <source>农村</source>
        <translation>Rural</translation>
    </message>
    <message>
        <source>偏远地区</source>
        <translation>Remote</translation>
    </message>
    <message>
        <source>供电所</source>
        <translation>Supply station</translation>
    </message>
    <message>
        <source>县公司</source>
        <translation>County office</translation>
    </message>
    <message>
        <source>金牌</source>
        <translation>Gold</translation>
    </message>
    <message>
        <source>银牌</source>
        <translation>Silver</translation>
    </message>
    <message>
        <source>铜牌</source>
        <translation>Bronze</translation>
    </message>
    <message>
        <source>普通</source>
        <translation>Ordinary</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>上门</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>短信</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>已联系上</source>
        <translation>Reached</translation>
    </message>
    <message>
        <source>无人接听</source>
        <translation>No answer</translation>
    </message>
    <message>
        <source>占线</source>
        <translation>Busy</translation>
    </message>
    <message>
        <source>号码错误</source>
        <translation>Wrong number</translation>
    </message>
    <message>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <source>不满意</source>
        <translation>Unsatisfied</translation>
    </message>
    <message>
        <source>来信原件</source>
        <translation>Original letter</translation>
    </message>
    <message>
        <source>现场照片</source>
        <translation>Site photo</translation>
    </message>
    <message>
        <source>客户证件</source>
        <translation>Customer&apos;s papers</translation>
    </message>
    <message>
        <source>签字回执</source>
        <translation>Signed receipt</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>未到期</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>今日到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>开始办理</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>修改登记</source>
        <translation>Correct entry</translation>
    </message>
    <message>
        <source>记录首次联系</source>
        <translation>Record contact</translation>
    </message>
    <message>
        <source>转办</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>督办</source>
        <translation>Supervise</translation>
    </message>
    <message>
        <source>转办完成</source>
        <translation>Transfer done</translation>
    </message>
    <message>
        <source>撤回转办</source>
        <translation>Withdraw transfer</translation>
    </message>
    <message>
        <source>答复客户</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>标记未办结并上报</source>
        <translation>Unresolved, escalate</translation>
    </message>
    <message>
        <source>回访</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>处理上报</source>
        <translation>Decide on report</translation>
    </message>
    <message>
        <source>改派</source>
        <translation>Reassign</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>联系客户</source>
        <translation>Contacted customer</translation>
    </message>
    <message>
        <source>上报所长</source>
        <translation>Escalated to the head</translation>
    </message>
    <message>
        <source>未办结</source>
        <translation>Unresolved</translation>
    </message>
    <message>
        <source>客户不满意，重新办理</source>
        <translation>Customer unsatisfied, reopened</translation>
    </message>
    <message>
        <source>改派首问责任人</source>
        <translation>Reassigned the first responder</translation>
    </message>
    <message>
        <source>所长处理上报</source>
        <translation>Head decided on the report</translation>
    </message>
    <message>
        <source>所长指派办理</source>
        <translation>Head assigned it</translation>
    </message>
    <message>
        <source>接收转办</source>
        <translation>Accepted the transfer</translation>
    </message>
    <message>
        <source>退回转办</source>
        <translation>Returned the transfer</translation>
    </message>
    <message>
        <source>修改一次性告知清单</source>
        <translation>Amended the one-time notice list</translation>
    </message>
    <message>
        <source>县公司导入同步文件</source>
        <translation>Imported at the county</translation>
    </message>
    <message>
        <source>县公司采用隔离记录</source>
        <translation>Quarantined record taken at the county</translation>
    </message>
    <message>
        <source>其他操作</source>
        <translation>Other action</translation>
    </message>
    <message>
        <source>首次联系客户</source>
        <translation>First contact</translation>
    </message>
    <message>
        <source>到达现场</source>
        <translation>On site</translation>
    </message>
    <message>
        <source>恢复供电</source>
        <translation>Power restored</translation>
    </message>
    <message>
        <source>自然日</source>
        <translation>calendar days</translation>
    </message>
    <message>
        <source>工作日</source>
        <translation>working days</translation>
    </message>
    <message>
        <source>分钟</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
</TS>
