// kvstore: a small in-memory key-value store with expiring entries. Commands arrive one
// per line on stdin ("SET key value [ttl]", "GET key", "HAS key", "DEL key", "STATS");
// entries live in an LRU cache that evicts the least recently used key when full.
#include <charconv>
#include <chrono>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <iostream>
#include <list>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kv {
// <- cpp/namespace

using Clock = std::chrono::steady_clock;
//    ^^^^^ cpp/using-alias

constexpr std::size_t default_capacity = 1024;
// <- cpp/constexpr
//                    ^ !cpp/constexpr

enum class Status : std::uint8_t { Ok, NotFound, BadRequest };
//   ^^^^^ cpp/enum-class
//                                     ^ !cpp/enum-class

[[nodiscard]] constexpr const char* to_string(Status status) noexcept {
//^^^^^^^^^ cpp/nodiscard
//                                                           ^^^^^^^^ cpp/noexcept
    constexpr const char* names[] = {"OK", "NOT_FOUND", "BAD_REQUEST"};
    return names[static_cast<std::size_t>(status)];
    //     ^ !cpp/static-cast
}

struct Entry {
    std::string value;
    Clock::time_point expires_at;
    bool expired(Clock::time_point now) const noexcept { return now >= expires_at; }
};

struct Stats {
    std::uint64_t gets = 0;
    std::uint64_t misses = 0;
    std::uint64_t evictions = 0;

    Stats& operator+=(const Stats& other) noexcept {
    //     ^^^^^^^^^^ cpp/operator-overloading
    //                           ^ cpp/lvalue-reference
        gets += other.gets, misses += other.misses, evictions += other.evictions;
        return *this;
    }
};

template <typename T>
concept Measurable = requires(const T& item) {
//      ^^^^^^^^^^ cpp/concept
//                   ^ cpp/requires-expression
    { item.size() } -> std::convertible_to<std::size_t>;
};

template <Measurable... Parts>
// <- cpp/template-declaration
std::size_t total_size(const Parts&... parts) {
//                                 ^ cpp/variadic-template
    return (std::size_t{0} + ... + parts.size());
    //                       ^ cpp/fold-expression
}

class EvictionListener {
public:
    virtual ~EvictionListener() = default;
    // <- cpp/virtual-function
    //      ^^^^^^^^^^^^^^^^^ cpp/destructor
    //                            ^ cpp/defaulted-function
    virtual void on_evict(const std::string& key, const Entry& entry) = 0;
    //                                                                  ^ cpp/pure-virtual
    //           ^ !cpp/pure-virtual
};

class CountingListener final : public EvictionListener {
//                     ^^^^^ cpp/override-final
public:
    void on_evict(const std::string& key, const Entry& entry) override {
    //                                                        ^^^^^^^^ cpp/override-final
        ++count_;
        //^ !cpp/override-final
        bytes_ += total_size(key, entry.value);
    }
    std::size_t count() const noexcept { return count_; }

private:
    std::size_t count_ = 0;
    std::size_t bytes_ = 0;
};

class Cache {
public:
    explicit Cache(std::size_t capacity, std::shared_ptr<EvictionListener> listener = nullptr)
    //                                   ^ cpp/shared-ptr
    //                                                                                ^^^^^^^ cpp/nullptr
        : capacity_{capacity}, listener_(std::move(listener)) {}
        //^^^^^^^^^ cpp/member-initializer-list
        //         ^ cpp/braced-initialization
        //                               ^ cpp/std-move

    Cache(const Cache&) = delete;
    //                    ^^^^^^ cpp/deleted-function
    Cache& operator=(const Cache&) = delete;
    Cache(Cache&&) noexcept = default;
    //         ^^ cpp/rvalue-reference
    Cache& operator=(Cache&&) noexcept = default;
    ~Cache() { clear(); }
    //         ^ !cpp/destructor

    void put(std::string key, std::string value, std::chrono::seconds ttl) {
        const auto now = Clock::now();
        erase(key);
        order_.push_front(key);
        //                ^ !cpp/lvalue-reference
        index_.emplace(std::move(key), Slot{Entry{std::move(value), now + ttl}, order_.begin()});
        while (index_.size() > capacity_) {
            evict_oldest();
        }
    }

    [[nodiscard]] std::optional<std::string> get(const std::string& key) {
    //                 ^ cpp/optional
        ++stats_.gets;
        auto it = index_.find(key);
        if (it == index_.end()) {
            ++stats_.misses;
            return std::nullopt;
        }
        Slot& slot = it->second;
        //  ^ cpp/lvalue-reference
        if (slot.entry.expired(Clock::now())) {
            ++stats_.misses;
            return std::nullopt;
        }
        order_.splice(order_.begin(), order_, slot.position);
        return slot.entry.value;
    }

    bool erase(const std::string& key) {
        auto it = index_.find(key);
        if (it == index_.end()) return false;
        order_.erase(it->second.position);
        index_.erase(it);
        return true;
    }

    void clear() noexcept { index_.clear(), order_.clear(); }

    const Stats& stats() const noexcept { return stats_; }
    std::size_t size() const noexcept { return index_.size(); }

private:
    struct Slot {
        Entry entry;
        std::list<std::string>::iterator position;
    };

    void evict_oldest() {
        const std::string& oldest = order_.back();
        auto it = index_.find(oldest);
        if (listener_ != nullptr) {
            listener_->on_evict(it->first, it->second.entry);
        }
        ++stats_.evictions;
        index_.erase(it);
        order_.pop_back();
    }

    std::size_t capacity_;
    std::shared_ptr<EvictionListener> listener_;
    std::list<std::string> order_;
    std::unordered_map<std::string, Slot> index_;
    Stats stats_{};
};

struct Command {
    std::string name;
    std::vector<std::string> args;
};

std::optional<Command> parse_command(std::string_view line) {
    std::istringstream in{std::string(line)};
    Command command;
    if (!(in >> command.name)) return std::nullopt;
    for (std::string word; in >> word;) {
        command.args.push_back(std::move(word));
    }
    return command;
}

template <typename T>
    requires std::integral<T>
    // <- cpp/requires-clause
std::optional<T> parse_number(std::string_view text) noexcept {
    T value{};
    const char* end = text.data() + text.size();
    auto [ptr, error] = std::from_chars(text.data(), end, value);
    //   ^^^^^^^^^^^^ cpp/structured-binding
    if (error != std::errc{} || ptr != end) return std::nullopt;
    return value;
}

template <typename T>
std::string format_value(const T& value) {
    if constexpr (std::is_arithmetic_v<T>) {
    // ^^^^^^^^^ cpp/if-constexpr
        return std::to_string(value);
        //          ^ !cpp/if-constexpr
    } else {
        return "\"" + std::string(value) + "\"";
    }
}

template <>
//       ^^ cpp/template-specialization
std::string format_value<bool>(const bool& value) {
    return value ? "true" : "false";
}

std::string handle(Cache& cache, const Command& command) {
    using namespace std::chrono_literals;
    //    ^^^^^^^^^ cpp/using-namespace
    if (command.name == "SET" && command.args.size() >= 2) {
        std::chrono::seconds ttl = 60s;
        if (command.args.size() > 2) {
            auto seconds = parse_number<int>(command.args[2]);
            if (!seconds) return to_string(Status::BadRequest);
            ttl = std::chrono::seconds(*seconds);
        }
        cache.put(command.args[0], command.args[1], ttl);
        return to_string(Status::Ok);
    }
    if (command.name == "GET" && command.args.size() == 1) {
        if (auto value = cache.get(command.args[0])) {
            return format_value(*value);
        }
        return to_string(Status::NotFound);
    }
    if (command.name == "DEL" && command.args.size() == 1) {
        return cache.erase(command.args[0]) ? to_string(Status::Ok) : to_string(Status::NotFound);
    }
    if (command.name == "HAS" && command.args.size() == 1) {
        return format_value(cache.get(command.args[0]).has_value());
    }
    if (command.name == "STATS") {
        const auto& [gets, misses, evictions] = cache.stats();
        const double hit_rate = gets == 0 ? 0.0 : 1.0 - static_cast<double>(misses) / static_cast<double>(gets);
        //                                              ^^^^^^^^^^^ cpp/static-cast
        return format_value(cache.size()) + " keys, hit rate " + format_value(hit_rate) +
               ", evictions " + format_value(evictions);
    }
    return to_string(Status::BadRequest);
}

}  // namespace kv

int main(int argc, char** argv) {
    using kv::Cache;
    //    ^^^^^^^^^ cpp/using-declaration
    const std::size_t capacity = argc > 1 ? static_cast<std::size_t>(std::stoul(argv[1])) : kv::default_capacity;
    std::shared_ptr<kv::EvictionListener> listener = std::make_shared<kv::CountingListener>();
    Cache cache{capacity, listener};

    std::vector<std::string> replies;
    for (std::string line; std::getline(std::cin, line);) {
        if (line.empty()) continue;
        auto command = kv::parse_command(line);
        replies.push_back(command ? kv::handle(cache, *command) : kv::to_string(kv::Status::BadRequest));
    }
    for (const auto& reply : replies) {
    //                     ^ cpp/range-for
        std::cout << reply << '\n';
    }

    auto report = [&cache](std::ostream& out, const kv::CountingListener& counting) {
    //            ^^^^^^^^ cpp/lambda
        out << "evicted " << counting.count() << " of " << cache.size() + counting.count() << " keys\n";
        //                   ^ !cpp/lambda
    };
    if (const auto* counting = dynamic_cast<const kv::CountingListener*>(listener.get())) {
    //                         ^^^^^^^^^^^^ cpp/dynamic-cast
        report(std::cerr, *counting);
    }
    return cache.size() > 0 ? 0 : 1;
}
