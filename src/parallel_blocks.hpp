// Internal: the one thread pool of the library. Power's residue passes (src/power/residues.cpp)
// and the Monte Carlo driver (src/analysis/monte_carlo.cpp) both run numbered blocks through it.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>

namespace accord {
inline namespace v0 {
namespace detail {

/// A body may throw this when it sees `stop` set: the block is abandoned quietly (the run is
/// already failing or cancelled for another reason).
struct block_stopped {};

/// One block: its number, the stop flag to poll, and whether it runs on the calling thread
/// (the only thread that may call back into the caller, e.g. to report progress).
using block_body = std::function<void(std::size_t block, const std::atomic<bool>& stop, bool on_caller)>;

/// Runs body(b, ...) for every b in [0, count), each block once, claimed in increasing order by
/// up to `threads` threads (0 = the hardware's), the calling thread always among them. A thread
/// the system refuses is not started and its blocks go to the threads that exist, so a body whose
/// result depends only on its block number gives the same answer whatever the threads.
/// `report` (may be empty) runs on the calling thread only, at most about every `period`, between
/// its blocks and while it waits for the other threads; returning false stops the run (no new
/// block starts). The first exception a body or `report` throws stops the run and is rethrown
/// after every thread has been joined. Returns true when every block ran, false when stopped.
bool parallel_blocks(std::size_t count, unsigned threads, const std::function<bool()>& report,
                     const block_body& body,
                     std::chrono::milliseconds period = std::chrono::milliseconds(50));

} // namespace detail
} // namespace v0
} // namespace accord
