; Liaison Desk (联络站民意簿) setup for Windows x64, built on Linux with makensis (see build.sh):
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DVERSION4=0.1.0.0 -DIMAGE=.../LiaisonDesk -DICON=... -DOUTFILE=... setup.nsi
; Installs the app image into C:\Program Files\LiaisonDesk (per machine), a Start-menu folder and a desktop shortcut,
; and an uninstaller (Apps & Features). Silent: setup.exe /S [/D=C:\path]; uninstall.exe /S.
; An upgrade (a newer setup.exe over an older one) replaces app\ and runtime\ entirely; the data in
; %APPDATA%\LiaisonDesk (each user's database, logs) is never touched, not even by the uninstaller.
Unicode true
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel admin
ManifestDPIAware true

!include "MUI2.nsh"
!include "x64.nsh"

!define APPNAME "联络站民意簿"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\LiaisonDesk"

Name "${APPNAME} Liaison Desk ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\LiaisonDesk"
InstallDirRegKey HKLM "${UNINSTKEY}" "InstallLocation"
BrandingText "Liaison Desk ${VERSION}"
VIProductVersion "${VERSION4}"
VIAddVersionKey /LANG=2052 "ProductName" "${APPNAME} Liaison Desk"
VIAddVersionKey /LANG=2052 "FileDescription" "${APPNAME} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "CompanyName" "Liaison Desk"
VIAddVersionKey /LANG=2052 "LegalCopyright" "Copyright (C) 2024 Liaison Desk contributors"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\LiaisonDesk.exe"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
; The first language is the default; the installer follows the Windows display language otherwise.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "${APPNAME} 需要 64 位 Windows。$\nLiaison Desk needs 64-bit Windows." /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
FunctionEnd

Function un.onInit
  SetRegView 64
FunctionEnd

Section "Install"
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  ; An upgrade: the old program's jars and runtime go (the class path is app\*), the data folder stays.
  RMDir /r "$INSTDIR\app"
  RMDir /r "$INSTDIR\runtime"
  File /r "${IMAGE}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  ; The class-data archive of the classes the window loads until login (packaging/cds): made here because JDK 17
  ; ties it to the installed jars; the launcher passes it with the same class path spelling. It is kept only if
  ; JavaFX's toolkit starts with it (ToolkitStartCheck), since it was never timed or tried on Windows itself. No
  ; archive costs nothing (the JVM ignores a missing one, and this runtime has no other).
  DetailPrint "正在优化启动速度 (class-data archive)..."
  nsExec::Exec '"$INSTDIR\runtime\bin\java.exe" -Xshare:dump "-XX:SharedClassListFile=$INSTDIR\app\liaison-desk.classlist" "-XX:SharedArchiveFile=$INSTDIR\app\liaison-desk.jsa" -cp "$INSTDIR\app\*"'
  Pop $0
  nsExec::Exec '"$INSTDIR\runtime\bin\javaw.exe" "-XX:SharedArchiveFile=$INSTDIR\app\liaison-desk.jsa" -cp "$INSTDIR\app\*" org.liaisondesk.ui.ToolkitStartCheck'
  Pop $0
  StrCmp $0 "0" +3
    DetailPrint "启动检查未通过，不使用 class-data archive ($0)"
    Delete "$INSTDIR\app\liaison-desk.jsa"

  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk" "$INSTDIR\LiaisonDesk.exe" "" "$INSTDIR\LiaisonDesk.exe" 0
  CreateShortcut "$SMPROGRAMS\${APPNAME}\卸载 ${APPNAME}.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\LiaisonDesk.exe" "" "$INSTDIR\LiaisonDesk.exe" 0

  WriteRegStr HKLM "${UNINSTKEY}" "DisplayName" "${APPNAME} Liaison Desk"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTKEY}" "Publisher" "Liaison Desk"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\LiaisonDesk.exe"
  WriteRegStr HKLM "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext all
  Delete "$DESKTOP\${APPNAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APPNAME}"
  RMDir /r "$INSTDIR\app"
  RMDir /r "$INSTDIR\runtime"
  Delete "$INSTDIR\LiaisonDesk.exe"
  Delete "$INSTDIR\liaison-desk.exe"
  Delete "$INSTDIR\说明.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTKEY}"
SectionEnd
