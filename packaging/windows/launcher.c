/*
 * Liaison Desk launcher for Windows x64 (built with mingw-w64 on Linux, see build.sh).
 * Starts the bundled Java runtime next to this .exe:
 *   <dir>\runtime\bin\javaw.exe (LiaisonDesk.exe, the window) or java.exe (liaison-desk.exe, the console one)
 *   -Dfile.encoding=UTF-8 -XX:SharedArchiveFile=... -Dliaisondesk.seedDir=<dir>\app\seeds -cp "<dir>\app\*"
 *   org.liaisondesk.Launcher ARGS
 * passes every argument through unchanged, waits, and returns the program's exit code.
 * -XX:SharedArchiveFile=<dir>\app\liaison-desk.jsa: the class-data archive setup.exe makes on the installing machine
 * (packaging/cds). The cross-linked runtime has no archive of its own, so a missing or stale one (the portable zip,
 * the .msi) costs nothing; the JVM ignores it without a word.
 * The console launcher switches the console to UTF-8 while the program runs (the program writes UTF-8).
 */
#ifndef UNICODE
#define UNICODE
#endif
#ifndef _UNICODE
#define _UNICODE
#endif
#include <windows.h>
#include <stdio.h>
#include <wchar.h>

#ifndef LD_CONSOLE
#define LD_CONSOLE 0
#endif

/* The command line after the program name, by the rules of CommandLineToArgvW for argv[0]. */
static const wchar_t *arguments_after_program(const wchar_t *cmd) {
    if (*cmd == L'"') {
        cmd++;
        while (*cmd && *cmd != L'"') cmd++;
        if (*cmd) cmd++;
    } else {
        while (*cmd && *cmd != L' ' && *cmd != L'\t') cmd++;
    }
    while (*cmd == L' ' || *cmd == L'\t') cmd++;
    return cmd;
}

static int fail(const wchar_t *what, const wchar_t *detail) {
    wchar_t text[2048];
    _snwprintf(text, 2047, L"%ls\n%ls\n(error %lu)", what, detail, GetLastError());
    text[2047] = 0;
    if (LD_CONSOLE) {
        fwprintf(stderr, L"liaison-desk: %ls %ls\n", what, detail);
    } else {
        MessageBoxW(NULL, text, L"\x8054\x7edc\x7ad9\x6c11\x610f\x7c3f Liaison Desk", MB_ICONERROR | MB_OK);
    }
    return 1;
}

int main(void) {
    static wchar_t dir[32768], java[32768], cmd[32768];
    DWORD n = GetModuleFileNameW(NULL, dir, 32767);
    if (n == 0 || n >= 32767) return fail(L"Cannot find the launcher's folder.", L"");
    wchar_t *slash = wcsrchr(dir, L'\\');
    if (slash) *slash = 0;

    _snwprintf(java, 32767, L"%ls\\runtime\\bin\\%ls", dir, LD_CONSOLE ? L"java.exe" : L"javaw.exe");
    if (GetFileAttributesW(java) == INVALID_FILE_ATTRIBUTES)
        return fail(L"\x627e\x4e0d\x5230 Java \x8fd0\x884c\x73af\x5883 (Java runtime not found):", java);

    const wchar_t *args = arguments_after_program(GetCommandLineW());
    int len = _snwprintf(cmd, 32767,
        L"\"%ls\" -Dfile.encoding=UTF-8 -XX:SharedArchiveFile=\"%ls\\app\\liaison-desk.jsa\" "
        L"-Dliaisondesk.seedDir=\"%ls\\app\\seeds\" -Dliaisondesk.launcher=\"%ls\" "
        L"-cp \"%ls\\app\\*\" org.liaisondesk.Launcher %ls",
        java, dir, dir, dir, dir, args);
    if (len < 0) return fail(L"The command line is too long.", L"");

    UINT oldCp = 0;
    if (LD_CONSOLE) {
        oldCp = GetConsoleOutputCP();
        SetConsoleOutputCP(CP_UTF8);
    }
    STARTUPINFOW si;
    PROCESS_INFORMATION pi;
    ZeroMemory(&si, sizeof si);
    si.cb = sizeof si;
    ZeroMemory(&pi, sizeof pi);
    if (!CreateProcessW(java, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi)) {
        if (oldCp) SetConsoleOutputCP(oldCp);
        return fail(L"Java \x542f\x52a8\x5931\x8d25 (cannot start Java):", java);
    }
    WaitForSingleObject(pi.hProcess, INFINITE);
    DWORD code = 1;
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    if (oldCp) SetConsoleOutputCP(oldCp);
    return (int) code;
}
