// accord/rules/committee.hpp: proportional committees over approval ballots, and participatory
// budgeting.
//
// PAV and the other Thiele rules (exact optimum, sequential, reverse sequential), satisfaction
// approval voting, Phragmén's sequential rule and Phragmén-Eneström, the Method of Equal Shares
// for committees, Monroe and greedy Monroe, minimax-AV and lex-minimax-AV, lexicographic CC,
// Adams, the consensus rule, E Pluribus Hugo, and participatory budgeting with costs (greedy by
// approvals, Equal Shares, exact maximum welfare, sequential Phragmén, maximin support),
// minimax- and leximax-Phragmén and the maximin support method.
// Every number is exact: harmonic numbers, loads, budgets and costs are rationals. Ties are
// broken only by the tie-breaker and recorded. Each rule has its page docs/methods/<name>.md
// under its registry name.
#pragma once

#include "accord/profile.hpp"
#include "accord/result.hpp"
#include "accord/tie_break.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

namespace accord {
inline namespace v0 {

struct committee_options {
    std::size_t seats = 0; ///< committee size k; required (>= 1, <= active candidates)
    std::vector<cand_t> excluded;
    tie_break_options tie_break{.policy = tie_policy::lexicographic};
};

struct pav_options {
    committee_options common;
    /// The exact search refuses elections with more than this many possible committees
    /// (C(candidates, seats)); sequential PAV has no such limit.
    std::uint64_t max_committees = 10'000'000;
};

/// Proportional Approval Voting (Thiele): the committee W maximising
/// sum over voters of H(|A_v ∩ W|), H(j) = 1 + 1/2 + ... + 1/j; exact branch and bound.
result pav(const profile& p, const pav_options& opt);

/// Sequential PAV: k rounds, each adding the candidate with the largest marginal PAV gain.
result seq_pav(const profile& p, const committee_options& opt);

/// Thiele's rules: a voter with j members of the committee among the candidates it approves
/// contributes w_1 + ... + w_j. PAV is w_j = 1/j; the others here (Lackner & Skowron 2023,
/// chapter 2; abcvoting's score functions):
enum class thiele_rule : std::uint8_t {
    pav = 0,       ///< w_j = 1/j
    av = 1,        ///< w_j = 1 (approval voting)
    cc = 2,        ///< w_1 = 1, then 0 (Chamberlin-Courant)
    slav = 3,      ///< w_j = 1/(2j - 1) (Sainte-Laguë approval voting)
    geometric = 4, ///< w_j = 1/base^(j-1)
};

struct thiele_options {
    committee_options common;
    thiele_rule rule = thiele_rule::pav;
    std::uint64_t base = 2;                    ///< geometric only, >= 2
    std::uint64_t max_committees = 10'000'000; ///< exact search only, as pav_options
};

/// The weight w_j (j >= 1) of a Thiele rule.
rational thiele_weight(const thiele_options& opt, std::size_t j);
/// The exact optimum of a Thiele rule (branch and bound, as pav); AV is counted directly.
result thiele(const profile& p, const thiele_options& opt);
/// Sequential Thiele: k rounds, each adding the candidate with the largest marginal gain.
result seq_thiele(const profile& p, const thiele_options& opt);
/// Reverse sequential Thiele: start from every candidate and remove, one at a time, the one whose
/// removal loses least, until k are left.
result revseq_thiele(const profile& p, const thiele_options& opt);
/// Options of the rules found by searching every committee (Monroe, minimax-AV, lex-CC).
struct exact_committee_options {
    committee_options common;
    /// The search refuses elections with more than this many possible committees
    /// (C(candidates, seats)): it scores each one.
    std::uint64_t max_committees = 1'000'000;
    /// Called with the fraction of committees scored (0 to 1), before the first and every 256
    /// after; returning false stops the search with errc::cancelled. The registry passes its
    /// progress callback here (run(p, "monroe", options, progress)).
    std::function<bool(double)> progress;
};

/// Monroe's rule (approval): each voter is assigned to one member, every member to floor(n/k) or
/// ceil(n/k) voters; the committee whose best such assignment satisfies most voters wins.
/// Unweighted ballots only (voters are assigned whole).
result monroe(const profile& p, const exact_committee_options& opt);
/// Greedy Monroe: k rounds; each elects the candidate most approved by the voters not yet
/// assigned and assigns up to one group (n/k, rounded as Monroe) of its supporters to it.
result greedy_monroe(const profile& p, const committee_options& opt);
/// Minimax approval voting: the committee W minimising the largest Hamming distance
/// |A_v \ W| + |W \ A_v| from any voter's ballot.
result minimax_av(const profile& p, const exact_committee_options& opt);
/// Lexicographic Chamberlin-Courant: among committees with the most voters approving at least
/// one member, the most approving at least two, then three, ... up to k.
result lex_cc(const profile& p, const exact_committee_options& opt);

/// Lexicographic minimax-AV (Lackner & Skowron 2023, Remark 2): among minimax-AV committees,
/// the fewest voters at the largest distance, then at the next, and so on.
result lex_minimax_av(const profile& p, const exact_committee_options& opt);
/// Adams approval voting (abcvoting "adams"): the most voters approving a member (CC), then the
/// largest Thiele score with weights 1, 1, 1/2, 1/3, ...
result adams(const profile& p, const exact_committee_options& opt);
/// Phragmén-Eneström (Phragmén's first method, Eneström's method): every voter starts with a
/// budget equal to its weight and a seat costs total / k; each round elects the candidate whose
/// supporters hold the most, and they pay the price in proportion to their budgets (all of it
/// when they hold less).
result phragmen_enestrom(const profile& p, const committee_options& opt);
/// The consensus rule (Lackner 2020): every round each voter's budget grows by its weight; the
/// candidate whose supporters with a positive budget hold the most is elected, and those
/// supporters pay the electorate's total weight, in proportion to their weights.
result consensus_rule(const profile& p, const committee_options& opt);
/// E Pluribus Hugo (Quinn & Schneier's SDV-LPE): while more than k remain, of the two candidates
/// with the fewest points (each voter's weight split equally among its candidates still in),
/// eliminate the one(s) with the fewest approvals.
result eph(const profile& p, const committee_options& opt);

/// Satisfaction approval voting: each voter gives weight / |approved| to each approved
/// candidate; the k highest totals win.
result sav(const profile& p, const committee_options& opt);

/// Phragmén's sequential rule: each round elects the candidate whose supporters would carry the
/// smallest maximal load (1 + sum of their loads) / (their weight); their loads become that value.
result seq_phragmen(const profile& p, const committee_options& opt);

/// Phragmén's loads of a committee: each member is one unit of load, split among the voters
/// approving it; a voter's load is what it carries per unit of its weight. The leximax
/// distribution (the largest load as small as possible, then the next largest, ...) has unique
/// loads. By Hall's theorem the largest is the maximum over sets S of members of |S| / (weight
/// of the voters approving a member of S), carried by exactly the voters of the largest such S;
/// the next level is the same on the members and voters left, and so on
/// (docs/methods/leximax-phragmen.md). Every number is exact.
struct phragmen_loads {
    /// Members no voter of positive weight approves: nobody can carry them.
    std::size_t unsupported = 0;
    /// Per distinct ballot of the profile: its load (0 when it approves no member).
    std::vector<rational> ballot_load;
    /// The distinct loads, largest first, each with the total weight of the voters carrying it
    /// (load 0 last, when some voter carries nothing).
    std::vector<std::pair<rational, rational>> levels;
};
/// The most members phragmen_leximax_loads() and the three rules below take: the loads are
/// found over the 2^k sets of members.
inline constexpr std::size_t k_phragmen_max_members = 16;
/// The leximax loads of `committee` (candidate indices, each once) on approval profile p.
/// Throws errc::invalid on a repeated or unknown candidate, errc::unsupported above
/// k_phragmen_max_members members.
phragmen_loads phragmen_leximax_loads(const profile& p, const std::vector<cand_t>& committee);

/// Phragmén's minimax rule (minimax-Phragmén, opt-Phragmén; Lackner & Skowron 2023, chapter 2):
/// among committees whose members all have a supporter (or, with fewer approved candidates than
/// seats, those holding every approved one), the one whose largest voter load is smallest. Exact
/// search over every committee, as Monroe's; at most k_phragmen_max_members seats.
result minimax_phragmen(const profile& p, const exact_committee_options& opt);
/// Phragmén's leximax rule (Brill, Freeman, Janson & Lackner): the committee whose voter loads,
/// sorted from the largest, are lexicographically smallest (each voter counted with its weight).
result leximax_phragmen(const profile& p, const exact_committee_options& opt);
/// The maximin support method (Sánchez-Fernández et al.): k rounds; each adds the candidate c
/// for which W + c has the largest support value, the most every member can be backed by when
/// each voter splits its weight among the members it approves (0 when a member has no
/// supporter). That value is 1 / (the largest minimax-Phragmén load of W + c).
result maximin_support(const profile& p, const committee_options& opt);

enum class mes_completion : std::uint8_t {
    seq_phragmen = 0, ///< fill the remaining seats by seq-Phragmén, loads starting at minus the budgets left
    none = 1,         ///< stop when no candidate is affordable (the committee may be smaller than k)
};

struct equal_shares_options {
    committee_options common;
    mes_completion completion = mes_completion::seq_phragmen;
};

/// The Method of Equal Shares (Peters & Skowron's Rule X) with unit costs: every voter starts
/// with k/n; each round elects the candidate its supporters can pay for with the smallest maximal
/// share rho, each paying min(budget, rho).
result equal_shares(const profile& p, const equal_shares_options& opt);

enum class budget_method : std::uint8_t {
    greedy = 0,       ///< by approvals, most first, skipping projects that no longer fit
    equal_shares = 1, ///< the Method of Equal Shares with costs
    /// The allocation of greatest utilitarian welfare (sum over voters of the utilities of the
    /// funded projects they approve): exact branch and bound, every optimal allocation found.
    max_welfare = 2,
    /// Sequential Phragmén with costs: loads in money; stops when the project of least new
    /// maximal load no longer fits.
    phragmen = 3,
    /// The maximin support method with costs (Aziz, Lee & Talmon's generalised sequential
    /// Phragmén): each round funds the project that keeps the largest voter load smallest.
    maximin_support = 4,
    /// Exact Equal Shares (Kraiczy, Robinson & Elkind): each funded project's cost is split
    /// equally among the largest set of its supporters who can all pay that share; the project
    /// with the most utility per unit of cost so paid is funded.
    exact_equal_shares = 5,
    /// Equal Shares with Bounded Overspending (Papasotiropoulos, Pishbin, Skibski, Skowron & Was):
    /// a project may be funded when its supporters can pay only a fraction alpha of its cost; the
    /// project of least price / alpha is funded in full and the rest comes from the budget.
    bos_equal_shares = 6,
    /// Fractional Equal Shares (the same paper, section 4): projects are funded in fractions,
    /// each round the part the supporters with money left can pay in equal shares.
    fractional_equal_shares = 7,
    /// CSTV (Cumulative Support Transfer Voting; Skowron, Slinko, Szufa & Talmon), approval
    /// ballots read as equal donations of each voter's share; variant in budget_options::cstv.
    cstv = 8,
};

/// CSTV's combination of procedures (pabutools' CSTV_Combination): the selection measure
/// (excess support, support over cost, support), what happens when no project has the support
/// of its cost (elimination with transfers, minimal transfer) and the completion that goes with
/// it (reverse elimination, acceptance of under-supported projects).
enum class cstv_combination : std::uint8_t {
    ewt = 0,  ///< excess support; elimination with transfers; reverse elimination
    ewtc = 1, ///< support over cost; elimination with transfers; reverse elimination
    mt = 2,   ///< excess support; minimal transfer; acceptance of under-supported projects
    mtc = 3,  ///< support over cost; minimal transfer; acceptance of under-supported projects
    ewts = 4, ///< support; elimination with transfers; reverse elimination
    mts = 5,  ///< support; minimal transfer; acceptance of under-supported projects
};

enum class pb_utilities : std::uint8_t {
    cost = 0,     ///< a voter's utility from an approved project is its cost (Pabulib's usual choice)
    approval = 1, ///< a voter's utility from an approved project is 1
    /// points (score) ballots only: a voter's utility from a project is the points it gives it
    /// (cumulative and scoring Pabulib votes; pabutools' Additive_Cardinal_Sat)
    points = 2,
};

enum class pb_completion : std::uint8_t {
    none = 0, ///< Equal Shares as is (part of the budget may be left)
    add1 = 1, ///< raise every voter's budget by `increment` and rerun while the outcome fits
    /// then fund approved projects greedily by approvals with the money left (Equal Shares and
    /// sequential Phragmén; pabutools' completion by rule combination)
    greedy = 2,
    /// Exact Equal Shares only: rerun with the per-voter budget raised to each next budget at
    /// which the outcome can change (the add-opt increments), keeping the costliest outcome that
    /// fits the real budget.
    add_opt = 3,
};

struct budget_options {
    budget_method method = budget_method::greedy;
    rational budget = -1;        ///< the money available (required, >= 0)
    std::vector<rational> costs; ///< per candidate (project), > 0; indexed like the profile
    pb_utilities utilities = pb_utilities::cost;
    pb_completion completion = pb_completion::none;
    cstv_combination cstv = cstv_combination::ewt; ///< method cstv only
    rational increment = 1;                        ///< add1: per-voter raise of the budget, in money
    /// max-welfare: the branch and bound refuses (errc::unsupported) an election whose search
    /// visits more nodes than this.
    std::uint64_t max_nodes = 10'000'000;
    /// max-welfare: called with the nodes visited / max_nodes (an upper bound on the work) before
    /// the first and every 4096 after; returning false stops the search with errc::cancelled.
    std::function<bool(double)> progress;
    std::vector<cand_t> excluded;
    tie_break_options tie_break{.policy = tie_policy::lexicographic};
};

/// Participatory budgeting over approval ballots, or over points (score) ballots for methods
/// greedy, max-welfare and equal-shares (with `utilities` points): the funded projects in order of
/// selection.
result participatory_budget(const profile& p, const budget_options& opt);

} // namespace v0
} // namespace accord
