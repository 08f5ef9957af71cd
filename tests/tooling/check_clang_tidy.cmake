# Fails unless clang-tidy finds and parses the repository's .clang-tidy (a typo there silently disables checks).
execute_process(COMMAND ${CLANG_TIDY} --list-checks ${SOURCE} --
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR err MATCHES "error")
  message(FATAL_ERROR "clang-tidy could not load .clang-tidy:\n${err}")
endif()
foreach(expected bugprone-use-after-move performance-unnecessary-copy-initialization modernize-use-nodiscard)
  if(NOT out MATCHES "${expected}")
    message(FATAL_ERROR ".clang-tidy does not enable ${expected}:\n${out}")
  endif()
endforeach()
