; Inno Setup 6 script: per-user installer for the one-folder Windows build.
;
; Build on Windows, from the repository root, after the PyInstaller build:
;   .venv\Scripts\pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\uppfoljaren.spec
;   iscc packaging\uppfoljaren.iss
; Output: dist\uppfoljaren-VERSION-windows-x64-setup.exe
;
; The version is read from the built uppfoljaren.exe, whose version resource the spec fills
; from pyproject.toml; `iscc /DAppVersion=1.2.3 ...` overrides it.
;
; Per-user: no administrator rights; the program goes to %LOCALAPPDATA%\Programs\Uppfoljaren.
; The officers' data live elsewhere (%LOCALAPPDATA%\uppfoljaren, from platformdirs), so an
; upgrade or an uninstall never touches a follow-up.

#define AppName "Uppföljaren"
#define RepoDir AddBackslash(SourcePath) + ".."
#define BundleDir RepoDir + "\dist\uppfoljaren"
#define IconFile RepoDir + "\build\pyinstaller\uppfoljaren\icons\uppfoljaren.ico"
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(BundleDir + "\uppfoljaren.exe", "ProductVersion")
#endif
#if AppVersion == ""
  #error Could not read the version from dist\uppfoljaren\uppfoljaren.exe: build it first
#endif

[Setup]
; Never change AppId: it ties every release together so a new one upgrades the old in place.
AppId={{6F3B8E2A-91C4-4D57-B0E2-5A7C1D9F4E36}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Stockholms stad
DefaultDirName={autopf}\Uppfoljaren
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=yes
PrivilegesRequired=lowest
; IT may still choose a machine-wide install from the command line (/ALLUSERS).
PrivilegesRequiredOverridesAllowed=commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#RepoDir}\dist
OutputBaseFilename=uppfoljaren-{#AppVersion}-windows-x64-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\uppfoljaren.exe
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running Uppföljaren is asked to close before its files are replaced.
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=no

[Languages]
Name: "swedish"; MessagesFile: "compiler:Languages\Swedish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[InstallDelete]
; The previous release's libraries: removed so no stale module shadows a new one.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\uppfoljaren.exe"; WorkingDir: "{app}"
Name: "{group}\Avinstallera {#AppName}"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\uppfoljaren.exe"; Description: "Starta {#AppName}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the program folder (Python writes no cache there, but be thorough); never user data.
Type: filesandordirs; Name: "{app}\_internal"
