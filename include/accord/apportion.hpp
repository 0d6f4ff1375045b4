// accord/apportion.hpp: sharing seats (or votes) among units in proportion to population:
// largest remainder (Hare, Droop, Hagenbach-Bischoff or Imperiali quota) and the five classical
// divisor methods (Sainte-Laguë with an optional modified first divisor), exact, ties reported.
#pragma once

#include "accord/number.hpp"
#include "accord/organisation.hpp"

#include <cstdint>
#include <optional>
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

/// One apportionment method: its name, the other names it is accepted by, a one-line summary and
/// the page that defines it.
struct apportion_method_info {
    apportion_method method;
    const char* name;
    const char* aliases; ///< space-separated; empty if none
    const char* summary;
    const char* docs;
};
/// Every apportionment method, in the order help texts and `accord methods` list them: the one
/// table parsing, names, help and error texts come from.
std::span<const apportion_method_info> apportion_method_table() noexcept;

/// A name or alias of apportion_method_table() ("hamilton" or "largest-remainder", "jefferson"
/// or "dhondt", "webster" or "sainte-lague", "huntington-hill", "adams"); errc::invalid naming
/// the known ones otherwise.
apportion_method parse_apportion_method(std::string_view name);
const char* apportion_method_name(apportion_method m) noexcept;
/// The table's names with their aliases, for help texts: "hamilton (largest-remainder), ...".
std::string apportion_method_names();
/// The table as a JSON array, [{"name", "summary", "aliases" (a list), "docs"}], in its order:
/// what accord_apportion_methods_json(), accord.apportion_methods() and `accord methods --family
/// apportionment --json` give.
std::string apportion_methods_json();

/// The quota (votes per seat) of a largest-remainder apportionment of S seats among V votes.
enum class apportion_quota : std::uint8_t {
    hare = 0,               ///< V / S (Hamilton, Hare-Niemeyer)
    droop = 1,              ///< floor(V / (S + 1)) + 1, a whole number (South Africa)
    hagenbach_bischoff = 2, ///< V / (S + 1) exactly (the "exact Droop" quota)
    imperiali = 3,          ///< V / (S + 2) (South Tyrol's Landtag rules of 2003)
};

/// "hare", "droop", "hagenbach-bischoff" (or "hb"), "imperiali".
apportion_quota parse_apportion_quota(std::string_view name);
const char* apportion_quota_name(apportion_quota q) noexcept;

/// What largest remainder does when the quota gives more whole seats than there are.
enum class apportion_excess : std::uint8_t {
    refuse = 0,         ///< errc::invalid naming the quota and the option (the default)
    reduce_divisor = 1, ///< count again with the quota's divisor S + k lowered by one until the
                        ///< whole seats fit (South Tyrol's Landtag election law)
};

/// "refuse", "reduce-divisor".
apportion_excess parse_apportion_excess(std::string_view name);
const char* apportion_excess_name(apportion_excess e) noexcept;

/// The most seats apportion() shares (apportion_options::seats); more is errc::invalid.
inline constexpr std::uint64_t k_max_apportion_seats = 1'000'000'000'000;

struct apportion_options {
    apportion_method method = apportion_method::hamilton;
    std::uint64_t seats = 0;
    std::vector<std::uint64_t> min_seats; ///< per unit (empty = 0 each)
    std::vector<std::uint64_t> max_seats; ///< per unit (empty = no limit)
    // Options of one method only: setting one for another method is errc::invalid naming it
    // (even at its default value), so nothing a caller asks for is silently ignored.
    std::optional<apportion_quota> quota;   ///< hamilton: the quota (unset = hare)
    std::optional<bool> whole_quota;        ///< hamilton with hare, hagenbach-bischoff or
                                            ///< imperiali: drop the quota's fractional part
                                            ///< (South Tyrol); droop is already whole
    std::optional<apportion_excess> excess; ///< hamilton with hagenbach-bischoff or imperiali
    std::optional<rational> first_divisor;  ///< webster: the first divisor on the 1, 3, 5, ...
                                            ///< scale, 0 < d <= 3 (unset = 1; 7/5 Norway, 6/5
                                            ///< Sweden since 2018)
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
    // Largest remainder only (hamilton); empty otherwise.
    std::string quota;                     ///< the quota's name ("hare", "droop", ...)
    rational votes_per_seat;               ///< the quota used, exactly
    std::vector<rational> quotients;       ///< population / votes_per_seat per unit
    std::vector<rational> rejected;        ///< quotas abandoned for giving too many whole seats
    std::optional<rational> first_divisor; ///< webster only: the first divisor used (1 unless set)
};

/// Options from JSON {"method": NAME, "min": N, "max": N, "quota": NAME, "whole_quota": BOOL,
/// "excess": NAME, "first_divisor": "7/5" | 1.4} (accord_apportion()'s options; "" = none) for
/// `units` units and `seats` seats: "min"/"max" apply to every unit; "first_divisor" is exact
/// (a string "7/5" or "1.4", an integer, or a JSON number read as its shortest decimal). An
/// unknown key, a value of the wrong type, or an option the method does not use is
/// errc::invalid naming it.
apportion_options apportion_options_from_json(std::string_view json, std::uint64_t seats, std::size_t units);

/// Apportions `opt.seats` among units with these populations. Errors (errc::invalid): no
/// units, seats below the sum of minimums or above the sum of maximums, minimum above maximum,
/// all populations zero, an option the method does not use, a first divisor outside (0, 3],
/// largest remainder whose whole seats exceed the seats (the quota, or the minimums; see
/// `excess`), or whose quota leaves more seats than units to take one remainder seat each.
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
/// "seats"}], "ties": [{"seats_left", "units", "chosen"}]} (unit ids); largest remainder adds
/// "largest_remainder": {"quota", "votes_per_seat", "rejected"} and per unit "quotient_exact";
/// webster adds "first_divisor" (exact strings).
std::string to_json(const organisation& org, const unit_apportionment& a, std::uint64_t seats,
                    int indent = -1);

} // namespace v0
} // namespace accord
