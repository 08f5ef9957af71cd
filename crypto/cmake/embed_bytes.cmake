# Script mode: turns a binary file into a C++ source holding it as a byte array, so the zstd dictionary ships
# inside the library and cannot go missing at run time.
# Inputs: INPUT (file), OUTPUT (.cpp), NAMESPACE, FUNCTION (returns fieldkit::crypto::ByteView).
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
if(hex_length EQUAL 0)
  message(FATAL_ERROR "embed_bytes: ${INPUT} is empty")
endif()
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
# Break the single long line every 32 bytes to keep the generated file readable in a debugger.
string(REGEX REPLACE "((0x[0-9a-f][0-9a-f],){32})" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp" "// Generated from ${INPUT} by crypto/cmake/embed_bytes.cmake. Do not edit.
#include \"dictionaries.hpp\"

namespace ${NAMESPACE} {

namespace {
const unsigned char kBytes[] = {
${bytes}
};
} // namespace

ByteView ${FUNCTION}() { return {kBytes, sizeof kBytes}; }

} // namespace ${NAMESPACE}
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
