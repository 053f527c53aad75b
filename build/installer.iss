; Inno Setup script: installs the one-folder bundle (dist\CCHC-Xa) for the current user.
; Build on Windows after `python build\build_bundle.py`:  ISCC.exe build\installer.iss
; The clerk's data stays in %LOCALAPPDATA%\CCHC Xa and is never touched by install or uninstall.

#define AppName "CCHC Xã"
#define AppVersion "0.1.0"

[Setup]
AppId={{6C1B8E52-3E4B-4F0B-9F5E-0C1A2B3C4D5E}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=CCHC Xã
DefaultDirName={localappdata}\Programs\CCHC Xa
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
OutputDir=_dist
OutputBaseFilename=CCHC-Xa-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
DisableProgramGroupPage=yes

[Languages]
Name: "vi"; MessagesFile: "compiler:Languages\Vietnamese.isl"

[Files]
Source: "..\dist\CCHC-Xa\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\CCHC-Xa.exe"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\CCHC-Xa.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Tạo biểu tượng trên màn hình"; GroupDescription: "Biểu tượng:"

[Run]
Filename: "{app}\CCHC-Xa.exe"; Description: "Mở CCHC Xã"; Flags: nowait postinstall skipifsilent
