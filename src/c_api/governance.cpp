// C API: constitutions, mandates, verifiable records (accord/governance.hpp), JSON in and out.
#include "c_api_internal.hpp"

#include "accord/governance.hpp"

#include <optional>

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
    const nlohmann::json q = accord::c_api::parse_json_object(query_json, "query_json");
    for (auto it = q.begin(); it != q.end(); ++it)
        if (it.key() != "body" && it.key() != "category" && it.key() != "date" && it.key() != "amount")
            throw accord::error(accord::errc::invalid,
                                "query_json: unknown key '" + it.key() + "' (body, category, date, amount)");
    if (!q.contains("body") || !q["body"].is_string() || !q.contains("category") ||
        !q["category"].is_string())
        throw accord::error(accord::errc::invalid,
                            "query_json: 'body' and 'category' (strings) are required");
    std::optional<accord::rational> amount;
    if (q.contains("amount")) {
        if (!q["amount"].is_string())
            throw accord::error(accord::errc::invalid, "query_json: 'amount' is an exact number as a string");
        amount = accord::parse_rational(q["amount"].get<std::string>());
    }
    std::string date;
    if (q.contains("date")) {
        if (!q["date"].is_string())
            throw accord::error(accord::errc::invalid, "query_json: 'date' is a string YYYY-MM-DD");
        date = q["date"].get<std::string>();
    }
    const accord::constitution c = accord::read_constitution(path);
    *out = accord::c_api::new_string(accord::to_json(
        accord::mandate(c, q["body"].get<std::string>(), q["category"].get<std::string>(), date, amount)));
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
