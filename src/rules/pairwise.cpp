// The pairwise matrix and what is read off it (the Smith and Schwartz sets: majority_graph.cpp).
//
// The templates are defined in accord/rules/pairwise-inl.hpp; this file compiles the
// instantiations pairwise.hpp declares extern (64-bit integers and exact rationals over a
// profile), and holds the option names.
#include "accord/rules/pairwise.hpp"
#include "accord/rules/pairwise-inl.hpp"

namespace accord {
inline namespace v0 {

unranked_rule parse_unranked(std::string_view text, std::string_view method) {
    if (text == "last") return unranked_rule::last;
    if (text == "ignore") return unranked_rule::ignore;
    throw error(errc::invalid, std::string(method) +
                                   ": option 'unranked' must be \"last\" or \"ignore\", got '" +
                                   std::string(text) + "'");
}

const char* unranked_rule_name(unranked_rule u) noexcept {
    return u == unranked_rule::ignore ? "ignore" : "last";
}

template pairwise_matrix<std::int64_t> tally_pairwise<std::int64_t, profile>(const profile&,
                                                                             const pairwise_options&);
template pairwise_matrix<rational> tally_pairwise<rational, profile>(const profile&, const pairwise_options&);
template std::optional<cand_t> condorcet_winner(const pairwise_matrix<std::int64_t>&);
template std::optional<cand_t> condorcet_winner(const pairwise_matrix<rational>&);
template std::optional<cand_t> condorcet_loser(const pairwise_matrix<std::int64_t>&);
template std::optional<cand_t> condorcet_loser(const pairwise_matrix<rational>&);
template std::vector<std::vector<rational>> to_rational_matrix(const pairwise_matrix<std::int64_t>&);
template std::vector<std::vector<rational>> to_rational_matrix(const pairwise_matrix<rational>&);
template std::vector<std::vector<cand_t>> tiers_by_score(std::vector<cand_t>,
                                                         const std::vector<std::int64_t>&, bool);
template std::vector<std::vector<cand_t>> tiers_by_score(std::vector<cand_t>, const std::vector<rational>&,
                                                         bool);

} // namespace v0
} // namespace accord
