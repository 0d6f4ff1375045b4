// C API: constitutions, mandates, verifiable records (accord/governance.hpp), JSON in and out.
#include "c_api_internal.hpp"

#include "accord/governance.hpp"

accord_status accord_constitution_check(const char* path, const char* as_of, char** out) {
    ACCORD_CHECK_ARG(out);
    *out = nullptr;
    ACCORD_CHECK_ARG(path);
    ACCORD_CHECK_ARG(as_of);
    ACCORD_API_BEGIN()
    const accord::constitution c = accord::read_constitution(path, false);
    *out = accord::c_api::new_string(accord::to_json(accord::check_constitution(c, as_of)));
    ACCORD_API_END()
}

accord_status accord_mandate(const char* path, const char* query_json, char** out) {
    ACCORD_CHECK_ARG(out);
    *out = nullptr;
    ACCORD_CHECK_ARG(path);
    ACCORD_CHECK_ARG(query_json);
    ACCORD_API_BEGIN()
    const accord::mandate_query q = accord::mandate_query_from_json(query_json);
    const accord::constitution c = accord::read_constitution(path);
    *out =
        accord::c_api::new_string(accord::to_json(accord::mandate(c, q.body, q.category, q.date, q.amount)));
    ACCORD_API_END()
}

accord_status accord_record(const char* invocation_json, const char* path, char** out) {
    ACCORD_CHECK_ARG(out);
    *out = nullptr;
    ACCORD_CHECK_ARG(invocation_json);
    ACCORD_API_BEGIN()
    const std::string rec = accord::make_record(invocation_json);
    if (path && *path) accord::write_text_file(path, rec + "\n");
    *out = accord::c_api::new_string(rec);
    ACCORD_API_END()
}

accord_status accord_verify(const char* record_path, char** out) {
    ACCORD_CHECK_ARG(out);
    *out = nullptr;
    ACCORD_CHECK_ARG(record_path);
    ACCORD_API_BEGIN()
    *out = accord::c_api::new_string(accord::to_json(accord::verify_record(record_path)));
    ACCORD_API_END()
}
