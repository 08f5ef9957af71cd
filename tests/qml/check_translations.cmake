# Fails when a visible string lacks its Danish translation: re-extracts the strings from the sources into a copy
# of each .ts (so a string missing from the file counts too) and rejects unfinished or empty translations.
# Inputs: LUPDATE, SOURCE_DIR, WORK_DIR, TS_FILES (list).
file(MAKE_DIRECTORY ${WORK_DIR})
set(problems "")
foreach(ts IN LISTS TS_FILES)
  get_filename_component(name ${ts} NAME)
  set(copy ${WORK_DIR}/${name})
  configure_file(${ts} ${copy} COPYONLY)
  execute_process(COMMAND ${LUPDATE} -silent -locations none -no-obsolete ${SOURCE_DIR}/qml ${SOURCE_DIR}/field-app/src
                          -ts ${copy}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "lupdate failed on ${name}:\n${out}${err}")
  endif()
  file(READ ${copy} text)
  # One message per list item, so each can be named in the report.
  string(REPLACE "<message" ";<message" messages "${text}")
  foreach(message IN LISTS messages)
    if(NOT message MATCHES "^<message")
      continue()
    endif()
    string(REGEX MATCH "<source>([^<]*)</source>" _ "${message}")
    set(source "${CMAKE_MATCH_1}")
    if(message MATCHES "type=\"unfinished\"" OR message MATCHES "<translation>[ \t\r\n]*</translation>"
       OR message MATCHES "<numerusform>[ \t\r\n]*</numerusform>" OR message MATCHES "<translation/>")
      string(APPEND problems "  ${name}: \"${source}\"\n")
    endif()
  endforeach()
endforeach()
if(problems)
  message(FATAL_ERROR "Strings without a Danish translation (run the fieldkit_lupdate target, then translate):\n${problems}")
endif()
message(STATUS "every string is translated")
