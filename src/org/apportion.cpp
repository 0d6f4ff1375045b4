// Apportionment by largest remainder and divisor methods, in exact arithmetic.
//
// Divisor methods give seats one at a time to the unit with the highest priority
// population / d(s), s its seats so far (Balinski & Young, Fair Representation, 1982):
// Jefferson d = s + 1, Webster d = s + 1/2, Adams d = s, Huntington-Hill d = sqrt(s (s + 1)),
// compared exactly by squaring. Ties for a seat are reported, and broken in favour of the
// earlier unit.
#include "accord/apportion.hpp"

#include "accord/detail/safety.hpp"
#include "accord/error.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace accord {
inline namespace v0 {

apportion_method parse_apportion_method(std::string_view n) {
    if (n == "hamilton" || n == "largest-remainder") return apportion_method::hamilton;
    if (n == "jefferson" || n == "dhondt" || n == "d-hondt") return apportion_method::jefferson;
    if (n == "webster" || n == "sainte-lague") return apportion_method::webster;
    if (n == "huntington-hill") return apportion_method::huntington_hill;
    if (n == "adams") return apportion_method::adams;
    throw error(errc::invalid, "unknown apportionment method '" + std::string(n) +
                                   "' (hamilton, jefferson, webster, huntington-hill, adams)");
}

const char* apportion_method_name(apportion_method m) noexcept {
    switch (m) {
    case apportion_method::hamilton:
        return "hamilton";
    case apportion_method::jefferson:
        return "jefferson";
    case apportion_method::webster:
        return "webster";
    case apportion_method::huntington_hill:
        return "huntington-hill";
    case apportion_method::adams:
        return "adams";
    }
    return "hamilton";
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

priority priority_of(apportion_method m, std::uint64_t pop, std::uint64_t s) {
    const rational p(pop);
    switch (m) {
    case apportion_method::jefferson:
        return {false, p / rational(s + 1)};
    case apportion_method::webster:
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
        else
            throw error(errc::invalid, "apportion: unknown option or wrong type: '" + it.key() + "'");
    }
    if (lo) o.min_seats.assign(units, lo);
    if (hi) o.max_seats.assign(units, hi);
    return o;
}

apportionment apportion(std::span<const std::uint64_t> pops, const apportion_options& opt) {
    const std::size_t n = pops.size();
    if (n == 0) throw error(errc::invalid, "apportion: no units");
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

    if (opt.method == apportion_method::hamilton) {
        // Each unit first gets the whole part of its quota (within its bounds), then the
        // remaining seats go by largest remainder.
        for (std::size_t i = 0; i < n; ++i) {
            const big_int whole = floor_int(out.quotas[i]);
            std::uint64_t w = whole > UINT64_MAX ? UINT64_MAX : whole.convert_to<std::uint64_t>();
            w = std::clamp(w, lo[i], hi[i]);
            const std::uint64_t extra = std::min<std::uint64_t>(w - out.seats[i], left);
            out.seats[i] += extra;
            left -= extra;
        }
        give_by([&](std::size_t i) { return out.quotas[i] - rational(out.seats[i]); });
    } else {
        // A divisor method gives seats in decreasing order of claims, so every claim above a
        // threshold T is given before any claim at or below it. Start from a threshold near the
        // final divisor (total / (seats - units)), count each unit's claims above it exactly
        // (a double estimate, then adjusted by exact comparisons), raise T until those counts
        // fit the seats left, give them at once, and give the few seats left by the heap.
        const std::uint64_t left0 = left;
        if (left0 > 2 * n) {
            const auto claim_above = [&](std::size_t i, std::uint64_t s, const rational& t) {
                const priority c = priority_of(opt.method, pops[i], s);
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
        give_by([&](std::size_t i) { return priority_of(opt.method, pops[i], out.seats[i]); });
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
    for (std::size_t i = 0; i < a.units.size(); ++i) {
        const auto& u = org[a.units[i]];
        us.push_back({{"id", u.id},
                      {"name", u.name},
                      {"population", u.population},
                      {"quota", to_double(a.result.quotas[i])},
                      {"quota_exact", to_string(a.result.quotas[i])},
                      {"seats", a.result.seats[i]}});
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
