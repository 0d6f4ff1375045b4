// Exact number helpers.
#include "accord/number.hpp"

#include "accord/detail/safety.hpp"
#include "accord/error.hpp"

#include <cctype>

namespace accord {
inline namespace v0 {

std::string to_string(const rational& r) {
    const auto num = boost::multiprecision::numerator(r);
    const auto den = boost::multiprecision::denominator(r);
    if (den == 1) return num.str();
    return num.str() + '/' + den.str();
}

double to_double(const rational& r) { return r.convert_to<double>(); }

namespace {
bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char ch : s)
        if (!std::isdigit(static_cast<unsigned char>(ch))) return false;
    return true;
}
/// Decimal digits to big_int. GMP's string constructor guesses the base, reading "010" as octal
/// 8 and throwing on "09", so leading zeros are stripped first.
big_int decimal(std::string_view digits) {
    while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
    return big_int(std::string(digits));
}
[[noreturn]] void bad(std::string_view text) {
    throw error(errc::parse, "expected an exact number (integer, p/q or finite decimal), got '" +
                                 detail::text_excerpt(text) + "'");
}
} // namespace

rational parse_rational(std::string_view text) {
    std::string_view t = text;
    bool negative = false;
    if (!t.empty() && (t.front() == '-' || t.front() == '+')) {
        negative = t.front() == '-';
        t.remove_prefix(1);
    }
    rational value;
    if (auto slash = t.find('/'); slash != std::string_view::npos) {
        auto p = t.substr(0, slash), q = t.substr(slash + 1);
        if (!all_digits(p) || !all_digits(q)) bad(text);
        big_int den = decimal(q);
        if (den == 0) throw error(errc::parse, "zero denominator in '" + detail::text_excerpt(text) + "'");
        value = rational(decimal(p), den);
    } else if (auto dot = t.find('.'); dot != std::string_view::npos) {
        auto ip = t.substr(0, dot), fp = t.substr(dot + 1);
        if ((ip.empty() && fp.empty()) || (!ip.empty() && !all_digits(ip)) ||
            (!fp.empty() && !all_digits(fp)))
            bad(text);
        big_int scale = 1;
        for (std::size_t i = 0; i < fp.size(); ++i) scale *= 10;
        std::string digits = std::string(ip.empty() ? "0" : ip) + std::string(fp);
        value = rational(decimal(digits), scale);
    } else {
        if (!all_digits(t)) bad(text);
        value = rational(decimal(t));
    }
    return negative ? rational(-value) : value;
}

} // namespace v0
} // namespace accord
