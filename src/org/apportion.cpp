// Apportionment by largest remainder and divisor methods, in exact arithmetic.
//
// Divisor methods give seats one at a time to the unit with the highest priority
// population / d(s), s its seats so far (Balinski & Young, Fair Representation, 1982):
// Jefferson d = s + 1, Webster d = s + 1/2 (or a modified first divisor), Adams d = s,
// Huntington-Hill d = sqrt(s (s + 1)), compared exactly by squaring. Largest remainder divides
// each population by a quota (Hare, Droop, Hagenbach-Bischoff or Imperiali), gives the whole
// parts, then the seats left by largest remainder. Ties for a seat are reported, and broken in
// favour of the earlier unit.
#include "accord/apportion.hpp"

#include "accord/detail/safety.hpp"
#include "accord/error.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace accord {
inline namespace v0 {

std::span<const apportion_method_info> apportion_method_table() noexcept {
    static constexpr apportion_method_info k_table[] = {
        {apportion_method::hamilton, "hamilton", "largest-remainder",
         "largest remainder: whole quotas, then the largest remainders (Hare, Droop, Hagenbach-Bischoff or "
         "Imperiali quota)",
         "docs/methods/apportionment.md"},
        {apportion_method::jefferson, "jefferson", "dhondt d-hondt",
         "highest averages, divisors 1, 2, 3, ...", "docs/methods/apportionment.md"},
        {apportion_method::webster, "webster", "sainte-lague",
         "highest averages, divisors 1, 3, 5, ... (a modified first divisor: 1.4 Norway, 1.2 Sweden)",
         "docs/methods/apportionment.md"},
        {apportion_method::huntington_hill, "huntington-hill", "",
         "highest averages, divisors sqrt(s (s + 1)); every unit a seat first",
         "docs/methods/apportionment.md"},
        {apportion_method::adams, "adams", "", "highest averages, divisors s; every unit a seat first",
         "docs/methods/apportionment.md"},
    };
    return k_table;
}

namespace {
bool is_alias(std::string_view aliases, std::string_view n) {
    for (std::size_t at = 0; at < aliases.size();) {
        const std::size_t end = std::min(aliases.find(' ', at), aliases.size());
        if (aliases.substr(at, end - at) == n) return true;
        at = end + 1;
    }
    return false;
}
} // namespace

std::string apportion_method_names() {
    std::string out;
    for (const auto& m : apportion_method_table()) {
        if (!out.empty()) out += ", ";
        out += m.name;
        const std::string_view a = m.aliases;
        if (!a.empty()) out += " (" + std::string(a.substr(0, a.find(' '))) + ")";
    }
    return out;
}

std::string apportion_methods_json() {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& m : apportion_method_table()) {
        nlohmann::ordered_json aliases = nlohmann::ordered_json::array();
        for (std::string_view a = m.aliases; !a.empty();) {
            const auto cut = a.find(' ');
            aliases.push_back(std::string(a.substr(0, cut)));
            a = cut == std::string_view::npos ? std::string_view() : a.substr(cut + 1);
        }
        out.push_back(nlohmann::ordered_json{
            {"name", m.name}, {"summary", m.summary}, {"aliases", std::move(aliases)}, {"docs", m.docs}});
    }
    return out.dump();
}

apportion_method parse_apportion_method(std::string_view n) {
    for (const auto& m : apportion_method_table())
        if (n == m.name || is_alias(m.aliases, n)) return m.method;
    throw error(errc::invalid, "unknown apportionment method '" + detail::text_excerpt(n) + "' (" +
                                   apportion_method_names() + ")");
}

const char* apportion_method_name(apportion_method m) noexcept {
    for (const auto& x : apportion_method_table())
        if (x.method == m) return x.name;
    return "hamilton";
}

apportion_quota parse_apportion_quota(std::string_view n) {
    if (n == "hare") return apportion_quota::hare;
    if (n == "droop") return apportion_quota::droop;
    if (n == "hagenbach-bischoff" || n == "hb") return apportion_quota::hagenbach_bischoff;
    if (n == "imperiali") return apportion_quota::imperiali;
    throw error(errc::invalid, "apportion: unknown quota '" + std::string(n) +
                                   "' (hare, droop, hagenbach-bischoff, imperiali)");
}

const char* apportion_quota_name(apportion_quota q) noexcept {
    switch (q) {
    case apportion_quota::hare:
        return "hare";
    case apportion_quota::droop:
        return "droop";
    case apportion_quota::hagenbach_bischoff:
        return "hagenbach-bischoff";
    case apportion_quota::imperiali:
        return "imperiali";
    }
    return "hare";
}

apportion_excess parse_apportion_excess(std::string_view n) {
    if (n == "refuse") return apportion_excess::refuse;
    if (n == "reduce-divisor") return apportion_excess::reduce_divisor;
    throw error(errc::invalid, "apportion: unknown value '" + std::string(n) +
                                   "' of option 'excess' (refuse, reduce-divisor)");
}

const char* apportion_excess_name(apportion_excess e) noexcept {
    return e == apportion_excess::reduce_divisor ? "reduce-divisor" : "refuse";
}

namespace {
// Priority of a unit holding s seats, as an exact comparable value; nullopt = infinite (a unit
// with no seat under Adams / Huntington-Hill). Huntington-Hill compares pop^2 / (s (s+1)).
struct priority {
    bool infinite = false;
    rational value;
    friend bool operator<(const priority& a, const priority& b) {
        if (a.infinite != b.infinite) return b.infinite;
        return !a.infinite && a.value < b.value;
    }
    friend bool operator==(const priority& a, const priority& b) {
        return a.infinite == b.infinite && (a.infinite || a.value == b.value);
    }
};

// `first` is Webster's first divisor on the 1, 3, 5, ... scale (1 = Sainte-Laguë proper).
priority priority_of(apportion_method m, std::uint64_t pop, std::uint64_t s, const rational& first) {
    const rational p(pop);
    switch (m) {
    case apportion_method::jefferson:
        return {false, p / rational(s + 1)};
    case apportion_method::webster:
        // Norway's Election Act s. 11-4 (3) and Sweden's Elections Act ch. 14 s. 3: the first
        // seat's divisor is 1.4 (Sweden 1.2 since 2018), then 3, 5, 7, ...
        if (s == 0) return {false, p * 2 / first};
        return {false, p * 2 / rational(2 * s + 1)};
    case apportion_method::adams:
        if (s == 0) return {true, 0};
        return {false, p / rational(s)};
    case apportion_method::huntington_hill:
        if (s == 0) return {true, 0};
        return {false, p * p / (rational(s) * rational(s + 1))};
    case apportion_method::hamilton:
        break;
    }
    return {false, 0};
}
} // namespace

apportion_options apportion_options_from_json(std::string_view text, std::uint64_t seats, std::size_t units) {
    apportion_options o;
    o.seats = seats;
    if (text.empty()) return o;
    const auto j = detail::parse_json(text, "options");
    if (!j.is_object()) throw error(errc::invalid, "options must be a JSON object");
    std::uint64_t lo = 0, hi = 0;
    for (auto it = j.begin(); it != j.end(); ++it) {
        if (it.key() == "method" && it->is_string())
            o.method = parse_apportion_method(it->get<std::string>());
        else if (it.key() == "min" && it->is_number_unsigned())
            lo = it->get<std::uint64_t>();
        else if (it.key() == "max" && it->is_number_unsigned())
            hi = it->get<std::uint64_t>();
        else if (it.key() == "quota" && it->is_string())
            o.quota = parse_apportion_quota(it->get<std::string>());
        else if (it.key() == "whole_quota" && it->is_boolean())
            o.whole_quota = it->get<bool>();
        else if (it.key() == "excess" && it->is_string())
            o.excess = parse_apportion_excess(it->get<std::string>());
        else if (it.key() == "first_divisor" && (it->is_string() || it->is_number()))
            // A JSON number is read as its shortest decimal (1.4 -> 7/5), never as a binary double.
            try {
                o.first_divisor = parse_rational(it->is_string() ? it->get<std::string>() : it->dump());
            } catch (const error&) {
                throw error(errc::invalid,
                            "apportion: option 'first_divisor' must be an exact number such as "
                            "\"7/5\" or 1.4, not " +
                                it->dump());
            }
        else
            throw error(errc::invalid, "apportion: unknown option or wrong type: '" + it.key() + "'");
    }
    if (lo) o.min_seats.assign(units, lo);
    if (hi) o.max_seats.assign(units, hi);
    return o;
}

namespace {
// An option of one method given to another is an error naming both (DESIGN.md: an option a
// method does not use is an error).
void check_method_options(const apportion_options& opt) {
    const std::string m = apportion_method_name(opt.method);
    auto refuse = [&](const char* option, const char* user) {
        throw error(errc::invalid, std::string("apportion: option '") + option + "' is for " + user +
                                       ", not for method '" + m + "'");
    };
    if (opt.method != apportion_method::hamilton) {
        if (opt.quota) refuse("quota", "largest remainder (method hamilton)");
        if (opt.whole_quota) refuse("whole_quota", "largest remainder (method hamilton)");
        if (opt.excess) refuse("excess", "largest remainder (method hamilton)");
    } else {
        const auto q = opt.quota.value_or(apportion_quota::hare);
        if (opt.whole_quota && q == apportion_quota::droop)
            throw error(errc::invalid, "apportion: option 'whole_quota' does not apply to the droop quota, "
                                       "which is a whole number by definition (floor(V/(S+1)) + 1)");
        if (opt.excess && q != apportion_quota::hagenbach_bischoff && q != apportion_quota::imperiali)
            throw error(errc::invalid, std::string("apportion: option 'excess' applies to the "
                                                   "hagenbach-bischoff and imperiali quotas only, not '") +
                                           apportion_quota_name(q) + "'");
    }
    if (opt.first_divisor) {
        if (opt.method != apportion_method::webster) refuse("first_divisor", "Sainte-Laguë (method webster)");
        // Above 3 the first divisor would exceed the second and claims would no longer fall as
        // seats are won; at or below 0 there is no divisor.
        if (*opt.first_divisor <= 0 || *opt.first_divisor > 3)
            throw error(errc::invalid,
                        "apportion: option 'first_divisor' must be above 0 and at most 3, not " +
                            to_string(*opt.first_divisor));
    }
}
std::string seats_text(const big_int& n) { return n.convert_to<std::string>(); }

// Largest remainder's first stage: the quota, each unit's quotient population / quota, and its
// whole part (within the unit's bounds) in out.seats. The seats left then go by largest
// remainder (apportion()).
void largest_remainder(std::span<const std::uint64_t> pops, const apportion_options& opt,
                       const big_int& total, const std::vector<std::uint64_t>& lo,
                       const std::vector<std::uint64_t>& hi, apportionment& out) {
    const std::size_t n = pops.size();
    const auto kind = opt.quota.value_or(apportion_quota::hare);
    const bool whole = opt.whole_quota.value_or(false);
    const auto excess = opt.excess.value_or(apportion_excess::refuse);
    const std::uint64_t S = opt.seats;
    out.quota = apportion_quota_name(kind);
    out.quotients.assign(n, rational(0));
    if (S == 0) return; // nothing to share (and the Hare quota V/0 has no value)
    // The quota's divisor is S + k: Hare k = 0, Hagenbach-Bischoff and Droop k = 1, Imperiali k = 2.
    unsigned k = kind == apportion_quota::hare ? 0 : kind == apportion_quota::imperiali ? 2 : 1;
    for (;;) {
        rational q;
        if (kind == apportion_quota::droop) {
            // Droop's quota as written in South Africa's Electoral Act 1998, Schedule 1A item 5:
            // the votes divided by the seats plus one, "plus one, disregarding fractions".
            q = rational(big_int(total / (big_int(S) + 1)) + 1);
        } else {
            q = rational(total, big_int(S) + k);
            // South Tyrol's Landtag law: "nell'effettuare la
            // divisione si trascura l'eventuale parte frazionaria del quoziente".
            if (whole) q = rational(floor_int(q));
        }
        if (q == 0)
            throw error(errc::invalid, "apportion: the whole " + std::string(out.quota) + " quota of " +
                                           seats_text(total) + " votes for " + std::to_string(S) +
                                           " seats is 0; drop option 'whole_quota'");
        big_int sum = 0, sum_unbounded = 0;
        for (std::size_t i = 0; i < n; ++i) {
            out.quotients[i] = rational(pops[i]) / q;
            const big_int w = floor_int(out.quotients[i]);
            sum_unbounded += w;
            // Within the unit's bounds: at least its minimum, at most its maximum.
            std::uint64_t b = w > big_int(hi[i]) ? hi[i] : w.convert_to<std::uint64_t>();
            b = std::max(b, lo[i]);
            out.seats[i] = b;
            sum += b;
        }
        if (sum <= big_int(S)) {
            out.votes_per_seat = q;
            // A statute's remainder earns one seat at most. Only Hare (Hamilton) goes on serving
            // the remainders again when units at their maximum leave seats over, as accord always
            // has; with another quota that many seats left means the quota does not fit the count
            // (Droop with fewer votes than seats has a quota of 1 vote).
            std::uint64_t open = 0;
            for (std::size_t i = 0; i < n; ++i) open += out.seats[i] < hi[i] ? 1 : 0;
            const big_int left = big_int(S) - sum;
            if (kind != apportion_quota::hare && left > big_int(open))
                throw error(errc::invalid, "apportion: the " + std::string(out.quota) + " quota (" +
                                               to_string(q) + " votes per seat) leaves " + seats_text(left) +
                                               " of " + std::to_string(S) + " seats to " +
                                               std::to_string(open) +
                                               " remainders, which earn one seat each; choose another quota");
            return;
        }
        if (sum_unbounded <= big_int(S))
            throw error(errc::invalid, "apportion: the minimums with the whole quotients of the " +
                                           std::string(out.quota) + " quota come to " + seats_text(sum) +
                                           " seats, more than the " + std::to_string(S) +
                                           " to share; lower option 'min'");
        const bool can_reduce =
            kind == apportion_quota::hagenbach_bischoff || kind == apportion_quota::imperiali;
        if (excess == apportion_excess::reduce_divisor && can_reduce && k > 0) {
            // South Tyrol's Landtag law: "le operazioni si ripetono con un nuovo quoziente
            // elettorale ottenuto diminuendo di un'unità il divisore".
            out.rejected.push_back(q);
            --k;
            continue;
        }
        std::string why = "apportion: the " + std::string(out.quota) + " quota (" + to_string(q) +
                          " votes per seat) gives " + seats_text(sum_unbounded) + " whole seats for " +
                          std::to_string(S) + " seats";
        if (!can_reduce) throw error(errc::invalid, why + "; drop option 'whole_quota'");
        if (excess == apportion_excess::refuse)
            throw error(errc::invalid, why +
                                           "; set option 'excess' to \"reduce-divisor\" to count again with "
                                           "a larger quota (South Tyrol's rule), or choose another quota");
        throw error(errc::invalid, why + " even with the divisor lowered to the seats (the hare quota)");
    }
}
} // namespace

apportionment apportion(std::span<const std::uint64_t> pops, const apportion_options& opt) {
    const std::size_t n = pops.size();
    if (n == 0) throw error(errc::invalid, "apportion: no units");
    check_method_options(opt);
    std::vector<std::uint64_t> lo(n, 0), hi(n, UINT64_MAX);
    if (!opt.min_seats.empty()) {
        if (opt.min_seats.size() != n) throw error(errc::invalid, "apportion: one minimum per unit");
        lo = opt.min_seats;
    }
    if (!opt.max_seats.empty()) {
        if (opt.max_seats.size() != n) throw error(errc::invalid, "apportion: one maximum per unit");
        hi = opt.max_seats;
    }
    big_int sum_lo = 0, sum_hi = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (lo[i] > hi[i])
            throw error(errc::invalid,
                        "apportion: unit " + std::to_string(i + 1) + " has minimum above maximum");
        sum_lo += lo[i];
        sum_hi += hi[i];
    }
    if (opt.seats > k_max_apportion_seats)
        throw error(errc::invalid, "apportion: option 'seats' (" + std::to_string(opt.seats) +
                                       ") is above the limit of " + std::to_string(k_max_apportion_seats) +
                                       " seats");
    if (big_int(opt.seats) < sum_lo)
        throw error(errc::invalid, "apportion: fewer seats than the minimums add up to");
    if (big_int(opt.seats) > sum_hi)
        throw error(errc::invalid, "apportion: more seats than the maximums allow");
    big_int total = 0;
    for (auto p : pops) total += p;
    if (total == 0) throw error(errc::invalid, "apportion: every population is zero");

    apportionment out;
    out.method = apportion_method_name(opt.method);
    for (std::size_t i = 0; i < n; ++i) out.quotas.push_back(rational(big_int(pops[i]) * opt.seats, total));
    out.seats = lo;
    std::uint64_t left = opt.seats - std::accumulate(lo.begin(), lo.end(), std::uint64_t{0});

    // Seats go one at a time to the highest claim among units below their maximum; equal claims
    // competing for fewer seats than claimants form a reported tie (earlier units first). A
    // heap keeps each step O(log units) (issue 14: one O(units) scan per seat took minutes for
    // 10^8 seats).
    auto give_by = [&](auto claim) {
        using claim_t = decltype(claim(0));
        static_assert(!boost::multiprecision::is_number_expression<claim_t>::value,
                      "a claim must be a value, not an expression template that outlives its operands");
        struct entry {
            claim_t c;
            std::size_t unit;
        };
        // Highest claim on top; among equal claims the earlier unit.
        auto below = [](const entry& a, const entry& b) {
            return a.c < b.c || (a.c == b.c && a.unit > b.unit);
        };
        std::vector<entry> heap;
        heap.reserve(n);
        for (std::size_t i = 0; i < n; ++i)
            if (out.seats[i] < hi[i]) heap.push_back({claim(i), i});
        std::make_heap(heap.begin(), heap.end(), below);
        auto pop = [&] {
            std::pop_heap(heap.begin(), heap.end(), below);
            entry e = std::move(heap.back());
            heap.pop_back();
            return e;
        };
        while (left > 0) {
            if (heap.empty()) throw error(errc::invalid, "apportion: no unit can take another seat");
            std::vector<entry> group{pop()};
            while (!heap.empty() && heap.front().c == group.front().c) group.push_back(pop());
            std::vector<std::size_t> best;
            best.reserve(group.size());
            for (const auto& e : group) best.push_back(e.unit); // earlier units first (heap order)
            const std::size_t give = std::min<std::uint64_t>(best.size(), left);
            if (best.size() > give)
                out.ties.push_back({left, best, std::vector<std::size_t>(best.begin(), best.begin() + give)});
            for (std::size_t k = 0; k < give; ++k) {
                const std::size_t i = best[k];
                ++out.seats[i];
                if (out.seats[i] < hi[i]) {
                    heap.push_back({claim(i), i});
                    std::push_heap(heap.begin(), heap.end(), below);
                }
            }
            left -= give;
        }
    };

    const rational first = opt.first_divisor.value_or(rational(1));
    if (opt.method == apportion_method::webster) out.first_divisor = first;

    if (opt.method == apportion_method::hamilton) {
        largest_remainder(pops, opt, total, lo, hi, out);
        left = 0;
        for (auto s : out.seats) left += s;
        left = opt.seats - left;
        // `-> rational`: give_by keeps claims, so a claim must be a value; arithmetic on two
        // lvalues would return Boost's expression template, referring to them.
        give_by([&](std::size_t i) -> rational { return out.quotients[i] - rational(out.seats[i]); });
    } else {
        // A divisor method gives seats in decreasing order of claims, so every claim above a
        // threshold T is given before any claim at or below it. Start from a threshold near the
        // final divisor (total / (seats - units)), count each unit's claims above it exactly
        // (a double estimate, then adjusted by exact comparisons), raise T until those counts
        // fit the seats left, give them at once, and give the few seats left by the heap.
        const std::uint64_t left0 = left;
        if (left0 > 2 * n) {
            const auto claim_above = [&](std::size_t i, std::uint64_t s, const rational& t) {
                const priority c = priority_of(opt.method, pops[i], s, first);
                return c.infinite || c.value > t;
            };
            const double tot = total.convert_to<double>();
            double t_est = tot / static_cast<double>(left0 - n);
            std::vector<std::uint64_t> add(n);
            for (int attempt = 0; attempt < 64; ++attempt) {
                // Exact value of the double; Huntington-Hill's claims are squared (no root taken).
                const rational t = opt.method == apportion_method::huntington_hill
                                       ? rational(rational(t_est) * rational(t_est))
                                       : rational(t_est);
                big_int sum = 0;
                for (std::size_t i = 0; i < n && sum <= left0; ++i) {
                    // S: how many claims (s = 0, 1, ...) are above t.
                    const double q = static_cast<double>(pops[i]) / t_est;
                    double est =
                        opt.method == apportion_method::jefferson ? std::ceil(q - 1) : std::ceil(q - 0.5);
                    if (opt.method == apportion_method::adams) est = std::ceil(q);
                    std::uint64_t S = est <= 0 ? 0 : est >= 1.8e19 ? hi[i] : static_cast<std::uint64_t>(est);
                    S = std::min(S, hi[i]);
                    while (S < hi[i] && claim_above(i, S, t)) ++S;
                    while (S > 0 && !claim_above(i, S - 1, t)) --S;
                    add[i] = S > lo[i] ? S - lo[i] : 0;
                    sum += add[i];
                }
                if (sum <= left0) {
                    for (std::size_t i = 0; i < n; ++i) out.seats[i] += add[i];
                    left -= sum.convert_to<std::uint64_t>();
                    break;
                }
                t_est *= 1.0 + static_cast<double>(n) / static_cast<double>(left0) + 1e-9;
                if (attempt > 8) t_est *= 2;
            }
        }
        give_by([&](std::size_t i) { return priority_of(opt.method, pops[i], out.seats[i], first); });
    }
    return out;
}

unit_apportionment apportion_units(const organisation& org, std::string_view level,
                                   const apportion_options& opt) {
    unit_apportionment out;
    out.units = org.of_kind(level);
    if (out.units.empty())
        throw error(errc::not_found, "apportion: no units of kind '" + std::string(level) + "'");
    std::vector<std::uint64_t> pops;
    for (auto u : out.units) pops.push_back(org[u].population);
    out.result = apportion(pops, opt);
    return out;
}

std::string to_json(const organisation& org, const unit_apportionment& a, std::uint64_t seats, int indent) {
    nlohmann::ordered_json j;
    j["method"] = a.result.method;
    j["seats"] = seats;
    nlohmann::ordered_json us = nlohmann::ordered_json::array();
    const bool lr = !a.result.quota.empty();
    if (lr) {
        nlohmann::ordered_json rejected = nlohmann::ordered_json::array();
        for (const auto& q : a.result.rejected) rejected.push_back(to_string(q));
        j["largest_remainder"] = {{"quota", a.result.quota},
                                  {"votes_per_seat", to_string(a.result.votes_per_seat)},
                                  {"rejected", rejected}};
    }
    if (a.result.first_divisor) j["first_divisor"] = to_string(*a.result.first_divisor);
    for (std::size_t i = 0; i < a.units.size(); ++i) {
        const auto& u = org[a.units[i]];
        nlohmann::ordered_json unit = {{"id", u.id},
                                       {"name", u.name},
                                       {"population", u.population},
                                       {"quota", to_double(a.result.quotas[i])},
                                       {"quota_exact", to_string(a.result.quotas[i])}};
        if (lr) unit["quotient_exact"] = to_string(a.result.quotients[i]);
        unit["seats"] = a.result.seats[i];
        us.push_back(std::move(unit));
    }
    j["units"] = us;
    nlohmann::ordered_json ts = nlohmann::ordered_json::array();
    for (const auto& t : a.result.ties) {
        nlohmann::ordered_json tied = nlohmann::ordered_json::array(),
                               chosen = nlohmann::ordered_json::array();
        for (auto u : t.units) tied.push_back(org[a.units[u]].id);
        for (auto u : t.chosen) chosen.push_back(org[a.units[u]].id);
        ts.push_back({{"seats_left", t.seats_left}, {"units", tied}, {"chosen", chosen}});
    }
    j["ties"] = ts;
    return j.dump(indent);
}

} // namespace v0
} // namespace accord
