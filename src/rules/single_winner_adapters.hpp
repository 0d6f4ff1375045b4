// Internal: the registry adapters of the single-winner families (JSON options -> typed options
// -> rule). Each is defined in its family's source file; src/registry.cpp lists them in table().
#pragma once

#include "accord/detail/options.hpp"
#include "accord/number.hpp"
#include "accord/rules/condorcet.hpp"

namespace accord {
inline namespace v0 {
namespace detail {

/// An exact number option: a JSON integer or a string "p/q" / decimal; `def` when absent.
rational read_rational_option(option_reader& o, const std::string& key, const rational& def);
/// An exact number from a JSON value: an integer, or a string "p/q" / decimal; nullopt otherwise.
std::optional<rational> exact_number(const nlohmann::json& v);

// condorcet.cpp
/// unranked, excluded, tie_break, seed, tie_order: the options every pairwise rule reads.
condorcet_common read_condorcet_common(option_reader& o);
result run_condorcet(const profile& p, option_reader& o);
result run_copeland(const profile& p, option_reader& o);
result run_copeland_set(const profile& p, option_reader& o);
result run_minimax(const profile& p, option_reader& o);
result run_schulze(const profile& p, option_reader& o);
/// The Schulze ranking (tiers, no tie broken) of an int64 pairwise matrix: what schulze() ranks
/// by, for prepared counts (src/prepared.cpp).
std::vector<std::vector<cand_t>> schulze_ranking(const pairwise_matrix<std::int64_t>& m,
                                                 defeat_strength strength);
result run_ranked_pairs(const profile& p, option_reader& o);
result run_smith(const profile& p, option_reader& o);
result run_uncovered_set(const profile& p, option_reader& o);
result run_banks(const profile& p, option_reader& o);
result run_schwartz(const profile& p, option_reader& o);
result run_black(const profile& p, option_reader& o);

// cardinal.cpp
result run_approval(const profile& p, option_reader& o);
result run_score(const profile& p, option_reader& o);
result run_star(const profile& p, option_reader& o);
result run_majority_judgment(const profile& p, option_reader& o);
result run_cumulative(const profile& p, option_reader& o);

// elimination.cpp
result run_runoff(const profile& p, option_reader& o);
result run_contingent(const profile& p, option_reader& o);
result run_supplementary(const profile& p, option_reader& o);
result run_coombs(const profile& p, option_reader& o);
result run_bucklin(const profile& p, option_reader& o);
result run_baldwin(const profile& p, option_reader& o);
result run_nanson(const profile& p, option_reader& o);

// hybrid.cpp
result run_benham(const profile& p, option_reader& o);
result run_woodall(const profile& p, option_reader& o);
result run_smith_irv(const profile& p, option_reader& o);
result run_condorcet_irv(const profile& p, option_reader& o);
result run_tideman_alternative(const profile& p, option_reader& o);
result run_btr_irv(const profile& p, option_reader& o);
result run_raynaud(const profile& p, option_reader& o);
result run_strict_nanson(const profile& p, option_reader& o);
result run_iterated_removal_condorcet_loser(const profile& p, option_reader& o);
result run_daunou(const profile& p, option_reader& o);
result run_condorcet_plurality(const profile& p, option_reader& o);
result run_smith_minimax(const profile& p, option_reader& o);
result run_copeland_local_borda(const profile& p, option_reader& o);
result run_copeland_global_borda(const profile& p, option_reader& o);
result run_borda_minimax_faceoff(const profile& p, option_reader& o);
result run_pareto(const profile& p, option_reader& o);

// margin.cpp
result run_split_cycle(const profile& p, option_reader& o);
result run_stable_voting(const profile& p, option_reader& o);
result run_simple_stable_voting(const profile& p, option_reader& o);
result run_river(const profile& p, option_reader& o);

// knockout.cpp
result run_superior_voting(const profile& p, option_reader& o);
result run_bracket_voting(const profile& p, option_reader& o);
result run_knockout(const profile& p, option_reader& o);
result run_bradley_terry(const profile& p, option_reader& o);

// veto.cpp
result run_plurality_veto(const profile& p, option_reader& o);
result run_serial_veto(const profile& p, option_reader& o);
result run_simultaneous_veto(const profile& p, option_reader& o);

// bucklin.cpp
result run_simplified_bucklin(const profile& p, option_reader& o);
result run_weighted_bucklin(const profile& p, option_reader& o);
result run_iterated_bucklin(const profile& p, option_reader& o);
result run_split_irv(const profile& p, option_reader& o);

// utility.cpp
result run_dis_and_approval(const profile& p, option_reader& o);
result run_relative_utilitarian(const profile& p, option_reader& o);
result run_maximin_utility(const profile& p, option_reader& o);
result run_lex_maximin(const profile& p, option_reader& o);
result run_nash(const profile& p, option_reader& o);

// alaska.cpp
result run_alaska(const profile& p, option_reader& o);

// lottery.cpp
result run_random_dictator(const profile& p, option_reader& o);

// maximal_lottery.cpp
result run_maximal_lotteries(const profile& p, option_reader& o);
result run_essential_set(const profile& p, option_reader& o);
result run_bipartisan_set(const profile& p, option_reader& o);

// dodgson.cpp
result run_dodgson(const profile& p, option_reader& o);
result run_young(const profile& p, option_reader& o);

// block.cpp
result run_sntv(const profile& p, option_reader& o);
result run_limited(const profile& p, option_reader& o);
result run_block(const profile& p, option_reader& o);

// kemeny.cpp
result run_kemeny(const profile& p, option_reader& o);

// positional.cpp
result run_borda(const profile& p, option_reader& o);
result run_dowdall(const profile& p, option_reader& o);
result run_anti_plurality(const profile& p, option_reader& o);
result run_positional(const profile& p, option_reader& o);

// committee.cpp (committees from approvals, participatory budgeting)
result run_pav(const profile& p, option_reader& o);
result run_seq_pav(const profile& p, option_reader& o);
result run_seq_phragmen(const profile& p, option_reader& o);
result run_av(const profile& p, option_reader& o);
result run_sav(const profile& p, option_reader& o);
result run_cc(const profile& p, option_reader& o);
result run_slav(const profile& p, option_reader& o);
result run_geometric(const profile& p, option_reader& o);
result run_seq_cc(const profile& p, option_reader& o);
result run_seq_slav(const profile& p, option_reader& o);
result run_revseq_pav(const profile& p, option_reader& o);
result run_revseq_cc(const profile& p, option_reader& o);
result run_monroe(const profile& p, option_reader& o);
result run_greedy_monroe(const profile& p, option_reader& o);
result run_minimax_av(const profile& p, option_reader& o);
result run_lex_cc(const profile& p, option_reader& o);
result run_lex_minimax_av(const profile& p, option_reader& o);
result run_adams(const profile& p, option_reader& o);
result run_phragmen_enestrom(const profile& p, option_reader& o);
result run_consensus(const profile& p, option_reader& o);
result run_eph(const profile& p, option_reader& o);
result run_equal_shares(const profile& p, option_reader& o);
result run_budget(const profile& p, option_reader& o);
result run_minimax_phragmen(const profile& p, option_reader& o);
result run_leximax_phragmen(const profile& p, option_reader& o);
result run_maximin_support(const profile& p, option_reader& o);

} // namespace detail
} // namespace v0
} // namespace accord
