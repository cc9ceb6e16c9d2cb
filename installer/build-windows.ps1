<#
.SYNOPSIS
    Builds dist\FirstAsk-Setup-<version>.exe on a Windows 10/11 PC (or CI's windows-latest).

.DESCRIPTION
    1. a fresh virtual environment in build\venv with the app, its tests and PyInstaller
    2. the test suite (skip with -SkipTests)
    3. the one-folder bundle dist\FirstAsk from installer\firstask.spec
    4. the bundle's own --selfcheck (firstask-cli.exe): fails on anything the bundle lost
    5. the setup's icon and the rendered installer script
    6. ISCC: dist\FirstAsk-Setup-<version>.exe

    Needs: Python 3.11 (x64) and Inno Setup 6.3 or newer (https://jrsoftware.org/isdl.php, or
    "choco install innosetup"). The Chinese installer messages are the project's own
    installer\ChineseSimplified.isl: nothing is downloaded.

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1
    powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1 -Python "py -3.11" -SkipTests
#>
[CmdletBinding()]
param(
    # The Python that creates the build environment ("python", "py -3.11", or a full path).
    [string]$Python = "python",
    [switch]$SkipTests
)

Set-StrictMode -Version Latest
$ErrorActionPreference = "Stop"

$Root = Resolve-Path (Join-Path $PSScriptRoot "..")
Set-Location $Root
$BuildDir = Join-Path $Root "build"
$RenderDir = Join-Path $BuildDir "installer"
$DistDir = Join-Path $Root "dist"
$Bundle = Join-Path $DistDir "FirstAsk"
$InGitHub = [bool]$env:GITHUB_ACTIONS

function Start-Stage([string]$Title) {
    if ($InGitHub) { Write-Host "::endgroup::"; Write-Host "::group::$Title" }
    else { Write-Host "`n=== $Title ===" -ForegroundColor Cyan }
}

# Windows PowerShell does not stop on a failing program: check every exit code by hand.
function Invoke-Native([string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE"
    }
}

function Find-Iscc {
    $candidates = @(
        (Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"),
        (Join-Path $env:ProgramFiles "Inno Setup 6\ISCC.exe"),
        (Join-Path $env:LOCALAPPDATA "Programs\Inno Setup 6\ISCC.exe")
    )
    foreach ($path in $candidates) { if (Test-Path $path) { return $path } }
    $onPath = Get-Command "ISCC.exe" -ErrorAction SilentlyContinue
    if ($onPath) { return $onPath.Source }
    throw "Inno Setup 6 (ISCC.exe) not found: install it from https://jrsoftware.org/isdl.php " +
          "or with 'choco install innosetup', then run this script again."
}

try {
    Start-Stage "Build environment (build\venv)"
    New-Item -ItemType Directory -Force -Path $BuildDir, $RenderDir, $DistDir | Out-Null
    $venv = Join-Path $BuildDir "venv"
    if (Test-Path $venv) { Remove-Item -Recurse -Force $venv }
    $pyParts = $Python.Split(" ", [System.StringSplitOptions]::RemoveEmptyEntries)
    $pyArgs = @($pyParts | Select-Object -Skip 1)
    Invoke-Native $pyParts[0] ($pyArgs + @("-m", "venv", $venv))
    $py = Join-Path $venv "Scripts\python.exe"
    Invoke-Native $py @("-m", "pip", "install", "--quiet", "--upgrade", "pip")
    Invoke-Native $py @("-m", "pip", "install", "--quiet", "-e", ".[test,build]")
    $version = (& $py -c "import firstask_desktop; print(firstask_desktop.__version__)").Trim()
    if ($LASTEXITCODE -ne 0 -or -not $version) { throw "cannot read firstask_desktop.__version__" }
    Write-Host "FirstAsk Desktop $version"

    if (-not $SkipTests) {
        Start-Stage "Tests"
        # The test extra brings everything the tests use (PDF and QR reading, a throw-away
        # PostgreSQL server for the county tests): no program to install beforehand.
        $env:QT_QPA_PLATFORM = "offscreen"
        try { Invoke-Native $py @("-m", "pytest", "-q") }
        finally { Remove-Item Env:\QT_QPA_PLATFORM -ErrorAction SilentlyContinue }
    }

    Start-Stage "Bundle (PyInstaller, installer\firstask.spec)"
    if (Test-Path $Bundle) { Remove-Item -Recurse -Force $Bundle }
    Invoke-Native $py @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", $DistDir, "--workpath", (Join-Path $BuildDir "pyinstaller"),
        (Join-Path $PSScriptRoot "firstask.spec"))
    $sizeMb = [math]::Round(((Get-ChildItem $Bundle -Recurse -File | Measure-Object Length -Sum).Sum / 1MB), 1)
    Write-Host "bundle: $Bundle ($sizeMb MB)"

    Start-Stage "Self-check of the bundle"
    # The console twin of FirstAsk.exe, run from elsewhere so nothing of this checkout helps it.
    Push-Location $env:TEMP
    try {
        Remove-Item Env:\FIRSTASK_DATA_DIR -ErrorAction SilentlyContinue
        Invoke-Native (Join-Path $Bundle "firstask-cli.exe") @("--selfcheck")
    } finally { Pop-Location }

    Start-Stage "Installer (Inno Setup)"
    $iscc = Find-Iscc
    $info = (Get-Item $iscc).VersionInfo
    $isccVersion = New-Object System.Version($info.FileMajorPart, $info.FileMinorPart, $info.FileBuildPart)
    Write-Host "ISCC $isccVersion at $iscc"
    if ($isccVersion -lt [System.Version]"6.3.0") {
        throw "Inno Setup $isccVersion is too old: the script needs 6.3 or newer (x64compatible)."
    }
    $isl = Join-Path $PSScriptRoot "ChineseSimplified.isl"
    $icon = Join-Path $RenderDir "firstask.ico"
    Invoke-Native $py @((Join-Path $PSScriptRoot "make_icon.py"),
        (Join-Path $Root "resources\icons\app.svg"), $icon)
    Invoke-Native $py @((Join-Path $PSScriptRoot "render_templates.py"), "--out", $RenderDir,
        "--bundle", $Bundle, "--dist", $DistDir, "--icon", $icon, "--language-file", $isl)
    Invoke-Native $iscc @("/Qp", (Join-Path $RenderDir "firstask.iss"))

    $setup = Join-Path $DistDir "FirstAsk-Setup-$version.exe"
    if (-not (Test-Path $setup)) { throw "ISCC finished but $setup is missing" }
    $hash = (Get-FileHash -Algorithm SHA256 $setup).Hash
    $setupMb = [math]::Round((Get-Item $setup).Length / 1MB, 1)
    if ($InGitHub) { Write-Host "::endgroup::" }
    Write-Host "`n$setup ($setupMb MB)`nSHA256 $hash" -ForegroundColor Green
} catch {
    if ($InGitHub) { Write-Host "::endgroup::" }
    Write-Host "BUILD FAILED: $($_.Exception.Message)" -ForegroundColor Red
    exit 1
}
