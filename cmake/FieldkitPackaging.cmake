# Debian packages from one version (project(VERSION) in the top CMakeLists.txt), by CPack's DEB generator:
#   fieldkit-hub    the center's sync hub and its console (fieldkit-center), their systemd units and settings
#   fieldkit-syncd  the field device's sync daemon, its systemd unit and settings, the hardware profiles
#   fieldkit-tools  fieldkit-ctl and fieldkit-netfault
#   fieldkit        the field app (its QML module and translations are compiled into the program)
#   fieldkit-kiosk  the locked kiosk session: the app full screen under cage, as the unprivileged `fieldkit`
# `./run package` builds them from a release build and runs lintian. Data folders are made by the maintainer
# scripts (0700, owned by the service's system user) and kept on removal; purging deletes them.
set(FIELDKIT_PACKAGING_DIR ${PROJECT_SOURCE_DIR}/packaging)
set(FIELDKIT_PACKAGE_COMPONENTS hub syncd tools)
set(fieldkit_package_hub fieldkit-hub)
set(fieldkit_package_syncd fieldkit-syncd)
set(fieldkit_package_tools fieldkit-tools)
set(fieldkit_package_app fieldkit)
set(fieldkit_package_kiosk fieldkit-kiosk)
if(TARGET fieldkit)
  list(APPEND FIELDKIT_PACKAGE_COMPONENTS app kiosk)
endif()

install(TARGETS fieldkit-hub fieldkit-center RUNTIME DESTINATION bin COMPONENT hub)
install(FILES ${FIELDKIT_PACKAGING_DIR}/systemd/fieldkit-center.service DESTINATION /lib/systemd/system
        COMPONENT hub)
install(FILES ${FIELDKIT_PACKAGING_DIR}/debian/hub/center.env DESTINATION /etc/fieldkit COMPONENT hub)
# Det Fælles Designsystem and the console's stylesheet (fieldkit-center.service passes --static).
install(DIRECTORY ${CMAKE_BINARY_DIR}/center/static/ DESTINATION share/fieldkit/center/static COMPONENT hub)
if(TARGET fieldkit)
  install(TARGETS fieldkit RUNTIME DESTINATION bin COMPONENT app)
  install(FILES ${FIELDKIT_PACKAGING_DIR}/systemd/fieldkit-kiosk.service DESTINATION /lib/systemd/system
          COMPONENT kiosk)
  install(FILES ${FIELDKIT_PACKAGING_DIR}/debian/kiosk/kiosk.env DESTINATION /etc/fieldkit COMPONENT kiosk)
endif()
install(TARGETS fieldkit-syncd RUNTIME DESTINATION bin COMPONENT syncd)
install(TARGETS fieldkit-ctl fieldkit-netfault RUNTIME DESTINATION bin COMPONENT tools)
install(FILES ${FIELDKIT_PACKAGING_DIR}/systemd/fieldkit-hub.service DESTINATION /lib/systemd/system COMPONENT hub)
install(FILES ${FIELDKIT_PACKAGING_DIR}/systemd/fieldkit-syncd.service DESTINATION /lib/systemd/system
        COMPONENT syncd)
install(FILES ${FIELDKIT_PACKAGING_DIR}/debian/hub/hub.env DESTINATION /etc/fieldkit COMPONENT hub)
install(FILES ${FIELDKIT_PACKAGING_DIR}/debian/syncd/syncd.env DESTINATION /etc/fieldkit COMPONENT syncd)
# The device daemon chooses its hardware profile from these.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/hw-profiles/profiles/ DESTINATION share/fieldkit/profiles COMPONENT syncd
        FILES_MATCHING PATTERN "*.json")

# Man pages, generated from each program's --help and --version by help2man (one source for both).
find_program(FIELDKIT_HELP2MAN help2man)
set(man_dir ${CMAKE_BINARY_DIR}/packaging/man)
set(man_pages)
set(man_entries
    "fieldkit-hub|hub|sync hub of the fieldkit center" "fieldkit-center|hub|console of the fieldkit center"
    "fieldkit-syncd|syncd|sync daemon of a fieldkit device" "fieldkit-ctl|tools|administration of a fieldkit device store"
    "fieldkit-netfault|tools|emulator of slow and failing mobile links")
if(TARGET fieldkit)
  list(APPEND man_entries "fieldkit|app|touch app of the fieldkit field kit")
endif()
foreach(entry IN LISTS man_entries)
  string(REPLACE "|" ";" fields "${entry}")
  list(GET fields 0 program)
  list(GET fields 1 component)
  list(GET fields 2 summary)
  if(FIELDKIT_HELP2MAN)
    add_custom_command(
      OUTPUT ${man_dir}/${program}.1.gz
      COMMAND ${CMAKE_COMMAND} -E make_directory ${man_dir}
      COMMAND ${CMAKE_COMMAND} -E env ASAN_OPTIONS=detect_leaks=0 ${FIELDKIT_HELP2MAN} --no-info --no-discard-stderr
              "--name=${summary}" --section=1 --output=${man_dir}/${program}.1 $<TARGET_FILE:${program}>
      COMMAND gzip -9nf ${man_dir}/${program}.1
      DEPENDS ${program}
      COMMENT "help2man ${program}")
    list(APPEND man_pages ${man_dir}/${program}.1.gz)
    install(FILES ${man_dir}/${program}.1.gz DESTINATION share/man/man1 COMPONENT ${component})
  endif()
endforeach()
if(FIELDKIT_HELP2MAN)
  add_custom_target(fieldkit_man_pages ALL DEPENDS ${man_pages})
else()
  message(WARNING "help2man is missing (tools/deps.sh installs it): the packages would lack man pages")
endif()

# Every package carries the copyright file and a changelog (Debian policy 12.5 and 12.7).
set(changelog_dir ${CMAKE_BINARY_DIR}/packaging)
file(MAKE_DIRECTORY ${changelog_dir})
foreach(component IN LISTS FIELDKIT_PACKAGE_COMPONENTS)
  set(package ${fieldkit_package_${component}})
  file(WRITE ${changelog_dir}/${package}.changelog
       "${package} (${PROJECT_VERSION}) bookworm; urgency=medium\n\n"
       "  * Release ${PROJECT_VERSION}.\n\n"
       " -- fieldkit developers <fieldkit@kommune.invalid>  Mon, 07 Dec 2026 00:00:00 +0000\n")
  execute_process(COMMAND gzip -9nc ${changelog_dir}/${package}.changelog
                  OUTPUT_FILE ${changelog_dir}/${package}.changelog.gz)
  install(FILES ${changelog_dir}/${package}.changelog.gz DESTINATION share/doc/${package}
          RENAME changelog.gz COMPONENT ${component})
  install(FILES ${FIELDKIT_PACKAGING_DIR}/debian/copyright DESTINATION share/doc/${package} COMPONENT ${component})
endforeach()
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME fieldkit)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "fieldkit developers")
set(CPACK_PACKAGE_CONTACT "fieldkit developers <fieldkit@kommune.invalid>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL ${FIELDKIT_PACKAGE_COMPONENTS})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://fieldkit.invalid/")
set(CPACK_DEBIAN_HUB_PACKAGE_NAME fieldkit-hub)
set(CPACK_DEBIAN_SYNCD_PACKAGE_NAME fieldkit-syncd)
set(CPACK_DEBIAN_TOOLS_PACKAGE_NAME fieldkit-tools)
set(CPACK_DEBIAN_APP_PACKAGE_NAME fieldkit)
set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME fieldkit-kiosk)
set(CPACK_DEBIAN_KIOSK_PACKAGE_ARCHITECTURE all)
# CPack would put the project description first; IGNORE leaves the first line of each as the synopsis;
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY IGNORE)
# the first line is the synopsis; the rest the extended description (lines under 80 characters).
set(CPACK_DEBIAN_HUB_DESCRIPTION "fieldkit center hub and console for municipal field devices
The fieldkit center. fieldkit-hub is the internet-facing side: enrolled
tablets and kiosks sync their encrypted cases over mutual TLS, and the hub
never holds the key that opens citizen data. fieldkit-center is the
back-office console (HTTPS, for the internal network): case work,
statistics, enrolment codes, revocation and remote wipe.")
set(CPACK_DEBIAN_APP_DESCRIPTION "touch app for municipal citizen service in the field
The touch app staff use on service bikes, on home visits and at the
station kiosk: cases stored encrypted on the device, offline first,
reconciled with the center by fieldkit-syncd. Danish and English.")
set(CPACK_DEBIAN_KIOSK_DESCRIPTION "fieldkit locked kiosk session
Boots a tablet or the station kiosk straight into the fieldkit app, full
screen under the cage Wayland compositor, as the unprivileged fieldkit
user; the app is restarted whenever it exits and nothing else is
reachable.")
set(CPACK_DEBIAN_SYNCD_DESCRIPTION "fieldkit sync daemon for field tablets and kiosks
Ships a field device's encrypted cases between the field app's store and
the center's hub over intermittent mobile links, without ever holding the
data key.")
set(CPACK_DEBIAN_TOOLS_DESCRIPTION "fieldkit administration and test tools
fieldkit-ctl scripts and administers a device store (provisioning, staff
key slots, export, verify); fieldkit-netfault emulates slow and failing
mobile links for testing.")
set(CPACK_DEBIAN_HUB_PACKAGE_CONTROL_EXTRA
    "${FIELDKIT_PACKAGING_DIR}/debian/hub/postinst;${FIELDKIT_PACKAGING_DIR}/debian/hub/postrm;${FIELDKIT_PACKAGING_DIR}/debian/hub/conffiles")
set(CPACK_DEBIAN_SYNCD_PACKAGE_CONTROL_EXTRA
    "${FIELDKIT_PACKAGING_DIR}/debian/syncd/postinst;${FIELDKIT_PACKAGING_DIR}/debian/syncd/postrm;${FIELDKIT_PACKAGING_DIR}/debian/syncd/conffiles")
set(CPACK_DEBIAN_HUB_PACKAGE_DEPENDS "adduser")
# The app shares the device store (and its user `fieldkit`) with the daemon, which also ships the hardware
# profiles. The QML modules are loaded at run time, so shlibdeps cannot see them: each is named here
# (TOOLCHAIN.md; the keyboard needs folderlistmodel without declaring it).
set(CPACK_DEBIAN_APP_PACKAGE_DEPENDS
    "fieldkit-syncd (= ${PROJECT_VERSION}), qml6-module-qtqml, qml6-module-qtqml-models, qml6-module-qtqml-workerscript, qml6-module-qtquick, qml6-module-qtquick-controls, qml6-module-qtquick-templates, qml6-module-qtquick-layouts, qml6-module-qtquick-window, qml6-module-qtquick-virtualkeyboard, qt6-virtualkeyboard-plugin, qml6-module-qt-labs-folderlistmodel, fonts-dejavu-core")
# cage is built with XWayland and refuses to start without the Xwayland binary.
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS "fieldkit (= ${PROJECT_VERSION}), cage, qt6-wayland, xwayland")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA
    "${FIELDKIT_PACKAGING_DIR}/debian/kiosk/postinst;${FIELDKIT_PACKAGING_DIR}/debian/kiosk/prerm;${FIELDKIT_PACKAGING_DIR}/debian/kiosk/postrm;${FIELDKIT_PACKAGING_DIR}/debian/kiosk/conffiles")
set(CPACK_DEBIAN_SYNCD_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)
include(CPack)
