# qmllint must report nothing on the QML module.
execute_process(COMMAND ${QMLLINT} -I ${IMPORT_DIR} ${FILES}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR err MATCHES "Warning|Error" OR out MATCHES "Warning|Error")
  message(FATAL_ERROR "qmllint is not clean:\n${out}${err}")
endif()
