// The Smith and Schwartz sets (strong components of the majority graph): the templates are
// defined in accord/rules/majority_graph-inl.hpp; this file compiles the instantiations
// majority_graph.hpp declares extern (64-bit integers and exact rationals).
#include "accord/rules/majority_graph.hpp"
#include "accord/rules/majority_graph-inl.hpp"

namespace accord {
inline namespace v0 {

template std::vector<std::vector<cand_t>> smith_components(const pairwise_matrix<std::int64_t>&,
                                                           const std::vector<cand_t>&);
template std::vector<std::vector<cand_t>> smith_components(const pairwise_matrix<rational>&,
                                                           const std::vector<cand_t>&);
template std::vector<cand_t> schwartz_set(const pairwise_matrix<std::int64_t>&, const std::vector<cand_t>&);
template std::vector<cand_t> schwartz_set(const pairwise_matrix<rational>&, const std::vector<cand_t>&);

} // namespace v0
} // namespace accord
