// The one thread pool of the library (see parallel_blocks.hpp).
#include "parallel_blocks.hpp"

#include "accord/detail/safety.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace accord {
inline namespace v0 {
namespace detail {

bool parallel_blocks(std::size_t count, unsigned threads, const std::function<bool()>& report,
                     const block_body& body, std::chrono::milliseconds period) {
    if (count == 0) return true;
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    std::size_t helpers_running = 0; // under mu
    std::exception_ptr failure;
    std::mutex mu;
    std::condition_variable cv;
    auto fail = [&](std::exception_ptr e) {
        std::lock_guard lock(mu);
        if (!failure) failure = std::move(e);
        stop = true;
    };
    auto last = std::chrono::steady_clock::now();
    // Only ever called on the calling thread.
    auto maybe_report = [&](bool now) {
        if (!report || stop.load()) return;
        const auto t = std::chrono::steady_clock::now();
        if (!now && t - last < period) return;
        last = t;
        try {
            if (!report()) stop = true;
        } catch (...) {
            fail(std::current_exception());
        }
    };
    auto work = [&](bool on_caller) {
        while (!stop.load()) {
            const std::size_t b = next.fetch_add(1);
            if (b >= count) break;
            try {
                body(b, stop, on_caller);
            } catch (const block_stopped&) {
            } catch (...) {
                fail(std::current_exception());
            }
            cv.notify_one();
            if (on_caller) maybe_report(false);
        }
    };

    unsigned n = threads ? threads : std::max(1u, std::thread::hardware_concurrency());
    n = static_cast<unsigned>(std::min<std::size_t>(n, count));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < n; ++t) {
        {
            std::lock_guard lock(mu);
            ++helpers_running;
        }
        const bool started = start_thread(pool, [&] {
            work(false);
            std::lock_guard lock(mu);
            --helpers_running;
            cv.notify_one();
        });
        if (!started) {
            std::lock_guard lock(mu);
            --helpers_running;
            break;
        }
    }
    work(true);
    // Keep reporting, and honouring a cancellation, while the other threads finish.
    for (;;) {
        {
            std::unique_lock lock(mu);
            if (helpers_running == 0) break;
            cv.wait_for(lock, period);
            if (helpers_running == 0) break;
        }
        maybe_report(false);
    }
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
    return !stop.load();
}

} // namespace detail
} // namespace v0
} // namespace accord
