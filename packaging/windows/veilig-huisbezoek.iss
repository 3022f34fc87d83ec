; Inno Setup script for IT: a per-machine installer of the one-folder bundle.
; Built by .github/workflows/bundle.yml (BundleDir absolute; relative paths are taken from this folder):
;   iscc /DAppVersion=0.1.0 /DBundleDir=%CD%\dist\veilig-huisbezoek packaging\windows\veilig-huisbezoek.iss
; Always per machine (administrator rights).
; Silent install (software distribution):  VeiligHuisbezoek-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
; With start at login for every user:      ... /TASKS="autostart"
; Silent uninstall:  "C:\Program Files\Veilig Huisbezoek\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\veilig-huisbezoek"
#endif

[Setup]
AppId={{6F0B6C52-3C1E-4C55-9E0E-2B7B5D1B8A11}
AppName=Veilig Huisbezoek
AppVersion={#AppVersion}
AppPublisher=Veilig Huisbezoek
DefaultDirName={autopf}\Veilig Huisbezoek
DefaultGroupName=Veilig Huisbezoek
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=VeiligHuisbezoek-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\veilig-huisbezoek.ico
UninstallDisplayIcon={app}\veilig-huisbezoek.exe
LicenseFile={#BundleDir}\LICENSES.txt
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
dutch.AutostartTask=Starten bij aanmelden (voor alle gebruikers)
english.AutostartTask=Start at login (for all users)
dutch.LaunchApp=Veilig Huisbezoek starten
english.LaunchApp=Start Veilig Huisbezoek

[Tasks]
Name: "autostart"; Description: "{cm:AutostartTask}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Veilig Huisbezoek"; Filename: "{app}\veilig-huisbezoek.exe"

[Registry]
; Per machine; a person's own choice (the About dialog, --install-autostart) is the
; per-user Run key, which the app manages itself.
Root: HKLM; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; \
  ValueName: "Veilig Huisbezoek"; ValueData: """{app}\veilig-huisbezoek.exe"" --autostart"; \
  Flags: uninsdeletevalue; Tasks: autostart

[Run]
Filename: "{app}\veilig-huisbezoek.exe"; Description: "{cm:LaunchApp}"; \
  Flags: nowait postinstall skipifsilent
