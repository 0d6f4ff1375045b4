// src/html_escape.hpp: text made safe inside HTML elements and quoted attributes, for the pages
// accord writes (the analysis report, the declaration of a result). Internal to libaccord.
#pragma once
#include <string>
#include <string_view>

namespace accord {
inline namespace v0 {
namespace detail {

inline std::string html_escape(std::string_view s) {
    std::string o;
    o.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '&':
            o += "&amp;";
            break;
        case '<':
            o += "&lt;";
            break;
        case '>':
            o += "&gt;";
            break;
        case '"':
            o += "&quot;";
            break;
        case '\'':
            o += "&#39;";
            break;
        default:
            o += c;
        }
    }
    return o;
}

} // namespace detail
} // namespace v0
} // namespace accord
