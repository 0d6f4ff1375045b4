// STV's quotas: the templates are defined in accord/rules/stv_arith-inl.hpp; this file compiles
// the instantiations stv_arith.hpp declares extern (the exact and fixed-point policies).
#include "accord/rules/stv_arith.hpp"
#include "accord/rules/stv_arith-inl.hpp"

namespace accord {
inline namespace v0 {

template stv_threshold<rational> gregory_quota(const stv_exact_arith&, const rational&, std::size_t,
                                               stv_quota, bool);
template stv_threshold<std::int64_t> gregory_quota(const stv_fixed_arith&, const std::int64_t&, std::size_t,
                                                   stv_quota, bool);
template rational meek_quota(const stv_exact_arith&, const rational&, std::size_t);
template std::int64_t meek_quota(const stv_fixed_arith&, const std::int64_t&, std::size_t);

} // namespace v0
} // namespace accord
