# Renders the home page under one hardware profile and checks the picture has that profile's resolution.
execute_process(COMMAND ${APP} --demo --profile ${PROFILE} --data ${DATA} --page home --screenshot ${OUT}
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "fieldkit --profile ${PROFILE} failed (${rc}):\n${err}")
endif()
file(READ ${OUT} header OFFSET 16 LIMIT 8 HEX) # PNG IHDR: width and height, big-endian
string(SUBSTRING ${header} 0 8 width_hex)
string(SUBSTRING ${header} 8 8 height_hex)
math(EXPR width "0x${width_hex}")
math(EXPR height "0x${height_hex}")
if(NOT width EQUAL ${WIDTH} OR NOT height EQUAL ${HEIGHT})
  message(FATAL_ERROR "${PROFILE}: the screenshot is ${width}x${height}, the profile says ${WIDTH}x${HEIGHT}")
endif()
message(STATUS "${PROFILE}: ${width}x${height} as the profile says")
