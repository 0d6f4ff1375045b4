// accord/apportion.hpp: sharing seats (or votes) among units in proportion to population:
// largest remainder and the five classical divisor methods, exact, with ties reported.
#pragma once

#include "accord/number.hpp"
#include "accord/organisation.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace accord {
inline namespace v0 {

enum class apportion_method : std::uint8_t {
    hamilton = 0,        ///< largest remainder (Hare quota)
    jefferson = 1,       ///< D'Hondt: divisors 1, 2, 3, ...
    webster = 2,         ///< Sainte-Laguë: divisors 1, 3, 5, ... (s + 1/2)
    huntington_hill = 3, ///< divisors sqrt(s (s + 1)); every unit gets a seat first
    adams = 4,           ///< divisors s; every unit gets a seat first
};

/// "hamilton" (or "largest-remainder"), "jefferson" ("dhondt"), "webster" ("sainte-lague"),
/// "huntington-hill", "adams".
apportion_method parse_apportion_method(std::string_view name);
const char* apportion_method_name(apportion_method m) noexcept;

/// The most seats apportion() shares (apportion_options::seats); more is errc::invalid.
inline constexpr std::uint64_t k_max_apportion_seats = 1'000'000'000'000;

struct apportion_options {
    apportion_method method = apportion_method::hamilton;
    std::uint64_t seats = 0;
    std::vector<std::uint64_t> min_seats; ///< per unit (empty = 0 each)
    std::vector<std::uint64_t> max_seats; ///< per unit (empty = no limit)
};

struct apportion_tie {
    std::uint64_t seats_left;        ///< seats still to give when the tie arose
    std::vector<std::size_t> units;  ///< units with exactly equal claims
    std::vector<std::size_t> chosen; ///< those given a seat (earlier units first)
};

struct apportionment {
    std::string method;
    std::vector<std::uint64_t> seats;
    std::vector<rational> quotas;    ///< exact quota population x seats / total
    std::vector<apportion_tie> ties; ///< every tie that decided a seat
};

/// Options from JSON {"method": NAME, "min": N, "max": N} (accord_apportion()'s options; "" =
/// none) for `units` units and `seats` seats: "min"/"max" apply to every unit. An unknown key or a
/// value of the wrong type is errc::invalid naming it.
apportion_options apportion_options_from_json(std::string_view json, std::uint64_t seats, std::size_t units);

/// Apportions `opt.seats` among units with these populations. Errors (errc::invalid): no
/// units, seats below the sum of minimums or above the sum of maximums, minimum above maximum,
/// all populations zero.
apportionment apportion(std::span<const std::uint64_t> populations, const apportion_options& opt);

/// The units of one kind of an organisation and their apportionment by population.
struct unit_apportionment {
    std::vector<std::uint32_t> units; ///< organisation indices, in file order
    apportionment result;
};

/// Apportions among the units of `level` by population; `min` and `max` apply to every unit
/// (max 0 = no limit). errc::not_found when there are no units of that kind.
unit_apportionment apportion_units(const organisation& org, std::string_view level,
                                   const apportion_options& opt);

/// JSON: {"method", "seats", "units": [{"id", "name", "population", "quota", "quota_exact",
/// "seats"}], "ties": [{"seats_left", "units", "chosen"}]} (unit ids).
std::string to_json(const organisation& org, const unit_apportionment& a, std::uint64_t seats,
                    int indent = -1);

} // namespace v0
} // namespace accord
