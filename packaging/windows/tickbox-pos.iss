; Inno Setup script of Tickbox POS for Windows (README: Installable packages).
;
; On the Windows PC that builds it, from the repository's folder:
;     py dev.py package                          (dist\tickbox-pos, PyInstaller)
;     py packaging\smoke.py                      (optional: the built app, offscreen)
;     iscc packaging\windows\tickbox-pos.iss     (dist\tickbox-pos-setup-<version>.exe)
; `iscc /DAppVersion=0.2.0 ...` names another version (default below: pyproject.toml's).
;
; What it installs: the folder dist\tickbox-pos into Program Files (or the user's own
; programs folder when installed without administrator rights), a start-menu entry that
; opens the till (TickboxPOS.exe: no console window), one that writes a support bundle
; (pos.exe support bundle, into the data folder's support\), and optionally a desktop
; icon. The store's data is NOT in the install folder: the app keeps its database, logs,
; backups and key in the user's data folder, %LOCALAPPDATA%\TickboxPOS (platformdirs'
; user_data_dir, pos.db.location), made at the first start. Uninstalling leaves that
; folder alone: a store's sales are never removed by an uninstall or an upgrade.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Tickbox POS"
#define DistDir "..\..\dist\tickbox-pos"

[Setup]
AppId={{6E0B3E4C-2F1D-4C52-9B7A-6A3D1C7E9F21}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Tickbox
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Administrators install for every user into Program Files; others for themselves alone.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=tickbox-pos-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\TickboxPOS.exe
; An upgrade installs over the previous version's folder; the till must be closed first.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; The previous version's files (its Python modules, Qt) go before the new ones come, so no
; stale library is left beside the new ones. The data folder is elsewhere and untouched.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\TickboxPOS.exe"; WorkingDir: "{app}"
; In a console window that stays open, so the person sees where the zip was written.
Name: "{group}\{#AppName} support bundle"; Filename: "{cmd}"; Parameters: "/k """"{app}\pos.exe"" support bundle"""; WorkingDir: "{app}"; Comment: "Write a zip of the logs and settings to send to support (into the data folder's support folder)"
Name: "{group}\{#AppName} data folder"; Filename: "{localappdata}\TickboxPOS"; Comment: "The store's database, logs and backups"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\TickboxPOS.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\TickboxPOS.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
