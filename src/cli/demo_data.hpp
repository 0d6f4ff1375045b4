// Built-in scenario for `accord demo`: a made-up "place" of 20 GP practices in 5 Primary Care
// Networks choosing among 8 local priorities. List sizes follow the shape of real English data
// (median practice ~8,800 registered patients, a few over 20,000, rural practices under 5,000),
// but the practices, PCNs and ballots are invented for illustration.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace accord::cli::demo {

inline constexpr std::array<std::string_view, 8> priorities{
    "Same-day access hub",          // 0
    "Frailty & care homes",         // 1
    "Mental health practitioners",  // 2
    "Diabetes prevention",          // 3
    "Shared premises",              // 4
    "Digital front door",           // 5
    "Workforce retention",          // 6
    "Health inequalities outreach", // 7
};

struct practice {
    std::string_view name;
    std::string_view pcn;
    std::uint32_t list_size;  ///< registered patients
    std::vector<int> ranking; ///< priorities, most preferred first (truncated ballots allowed)
};

inline const std::vector<practice>& practices() {
    static const std::vector<practice> p{
        // Riverside PCN: urban, large practices; access and mental health first.
        {"Riverside Medical Group", "Riverside PCN", 28450, {0, 5, 2, 7, 6}},
        {"Quayside Surgery", "Riverside PCN", 14210, {0, 2, 5, 6}},
        {"Canal Street Practice", "Riverside PCN", 11980, {2, 0, 7, 3}},
        {"St Anne's Health Centre", "Riverside PCN", 9870, {7, 2, 0, 3, 1}},
        // Northgate PCN: urban, students and young families.
        {"Northgate Health Partnership", "Northgate PCN", 24300, {0, 5, 6, 2}},
        {"University Health Centre", "Northgate PCN", 17900, {0, 2, 5}},
        {"Parkview Surgery", "Northgate PCN", 12640, {2, 0, 7, 5}},
        {"The Mount Practice", "Northgate PCN", 8120, {7, 0, 2, 1}},
        // Eastbrook PCN: a market town with a growing estate.
        {"Eastbrook Medical Centre", "Eastbrook PCN", 10450, {3, 1, 0, 6, 4}},
        {"Millfield Surgery", "Eastbrook PCN", 7230, {1, 6, 3, 4}},
        {"Orchard House Surgery", "Eastbrook PCN", 6010, {0, 1, 3, 6}},
        // Market Towns PCN: rural, older population, recruitment hard.
        {"Kingsford Surgery", "Market Towns PCN", 9310, {1, 6, 4, 0}},
        {"Ashby Road Practice", "Market Towns PCN", 6870, {6, 1, 4, 3}},
        {"Bridgend Surgery", "Market Towns PCN", 5420, {1, 4, 6}},
        {"Wellsbury Medical Practice", "Market Towns PCN", 4680, {4, 6, 1, 0}},
        {"Castle Lane Surgery", "Market Towns PCN", 3950, {1, 6, 3}},
        // Hills & Valleys PCN: remote, small dispensing practices.
        {"Upper Dale Surgery", "Hills & Valleys PCN", 4120, {6, 1, 4}},
        {"Fernside Surgery", "Hills & Valleys PCN", 3540, {1, 6, 7}},
        {"Hollowmere Practice", "Hills & Valleys PCN", 2860, {6, 4, 1}},
        {"Coldbrook Medical Practice", "Hills & Valleys PCN", 2210, {1, 4, 6, 7}},
    };
    return p;
}

} // namespace accord::cli::demo
