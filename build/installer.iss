; Inno Setup script: installs the one-folder bundle (dist\CCHC-Xa) for the current user.
; Build on Windows after `python build\build_bundle.py`:  ISCC.exe build\installer.iss
; The clerk's data stays in %LOCALAPPDATA%\CCHC Xa and is never touched by install or uninstall.
; The wizard speaks Vietnamese through build\Vietnamese.isl, shipped beside this script: stock Inno
; Setup keeps its Vietnamese file in Languages\Unofficial and does not install it.

; Vietnamese.isl carries the messages of Inno Setup 6.5 and later (the same names through 7.x);
; older compilers also read this UTF-8 script wrongly without a byte-order mark.
#if VER < EncodeVer(6, 5, 0)
  #error Inno Setup 6.5 or later is needed to build this installer (build\Vietnamese.isl has its messages)
#endif

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
; Relative to this script's folder (build\), not to the compiler's.
Name: "vi"; MessagesFile: "Vietnamese.isl"

[Files]
Source: "..\dist\CCHC-Xa\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\CCHC-Xa.exe"
; The province's receiving mode (Tổng hợp): its own data folder, opened by the same program.
Name: "{group}\{#AppName} - Tổng hợp (Sở Nội vụ)"; Filename: "{app}\CCHC-Xa.exe"; Parameters: "--tong-hop"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\CCHC-Xa.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Tạo biểu tượng trên màn hình"; GroupDescription: "Biểu tượng:"

[Run]
Filename: "{app}\CCHC-Xa.exe"; Description: "Mở CCHC Xã"; Flags: nowait postinstall skipifsilent
