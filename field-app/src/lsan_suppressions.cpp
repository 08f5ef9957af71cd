// LeakSanitizer defaults for the Qt executables (app and QML test runner); unused without the sanitizer.
//
// Qt 6.4's software scene graph never frees the textures of Image items (QR codes, the Basic style's check
// marks) when the window goes away; Qt's libraries have no frame pointers, so those reports end in a Qt
// frame. Allocations made by our own code still show our frame and are still reported.
extern "C" const char* __lsan_default_suppressions(); // NOLINT(bugprone-reserved-identifier)

extern "C" const char* __lsan_default_suppressions() { // NOLINT(bugprone-reserved-identifier)
    return "leak:libQt6Gui.so\n"
           "leak:libQt6Quick.so\n"
           "leak:libQt6Core.so\n";
}

extern "C" const char* __lsan_default_options(); // NOLINT(bugprone-reserved-identifier)

extern "C" const char* __lsan_default_options() { // NOLINT(bugprone-reserved-identifier)
    return "print_suppressions=0";
}
