# Copies the compiled DKFDS assets (css, fonts, icons) the console serves; says so when npm ci has not run.
if(NOT EXISTS "${SRC}/css/dkfds.min.css")
  message(WARNING "dkfds is not installed (run tools/deps.sh, which runs npm ci in center/web): the console will serve pages without its stylesheet")
  return()
endif()
foreach(part css fonts img)
  file(COPY "${SRC}/${part}" DESTINATION "${DST}")
endforeach()
