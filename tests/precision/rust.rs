//! kvcache: an in-memory key-value store with expiring entries, driven by a line script.

use std::cell::RefCell;
// <- rust/use
use std::collections::HashMap;
use std::rc::Rc;

use protocol::{parse_command, Command, ParseError};

const DEFAULT_TTL: u64 = 60;
//    ^ rust/const
static VERSION: &str = "0.3.1";
// <- rust/static

macro_rules! log_line {
//           ^ rust/macro-rules
    ($level:expr, $($arg:tt)*) => {
        eprintln!("[{}] {}", $level, format!($($arg)*))
    };
}

mod protocol {
// <- rust/mod
    use std::fmt;

    #[derive(Debug, Clone, PartialEq)]
    //              ^ rust/derive
    pub enum Command {
  //^ rust/pub
    //  ^ rust/enum
        Set { key: String, value: String, ttl: Option<u64> },
        Get(String),
        Stats,
    }

    #[derive(Debug)]
    pub enum ParseError {
        Empty,
        UnknownVerb(String),
        MissingArgument(&'static str),
        //               ^ rust/lifetime
        BadNumber(std::num::ParseIntError),
    }

    impl fmt::Display for ParseError {
    //        ^^^^^^^ rust/trait-impl
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // ^ !rust/trait-impl
            match self {
                ParseError::Empty => write!(f, "empty command"),
                ParseError::UnknownVerb(verb) => write!(f, "unknown verb {verb:?}"),
                ParseError::MissingArgument(name) => write!(f, "missing argument: {name}"),
                ParseError::BadNumber(err) => write!(f, "bad number: {err}"),
            }
        }
    }

    pub fn parse_command(line: &str) -> Result<Command, ParseError> {
    //     ^ !rust/mod
        let line = line.trim();
        //  ^ rust/shadowing
        let mut parts = line.split_whitespace();
        let Some(verb) = parts.next() else {
        //                            ^ rust/let-else
            return Err(ParseError::Empty);
        };
        let mut arg = |name: &'static str| parts.next().ok_or(ParseError::MissingArgument(name));
        //            ^ rust/closure
        //                                 ^ !rust/closure
        //                                              ^ rust/option-result-combinators
        let command = match verb.to_ascii_uppercase().as_str() {
        //            ^ rust/match-expression
            "SET" => {
                let key = arg("key")?.to_string();
                //                  ^ rust/try-operator
                let value = arg("value")?.to_string();
                let ttl = match arg("ttl") {
                    Ok(raw) => Some(raw.parse::<u64>().map_err(ParseError::BadNumber)?),
                    //                       ^ rust/turbofish
                    Err(_) => None,
                };
                Command::Set { key, value, ttl }
            }
            "GET" => Command::Get(arg("key")?.to_string()),
            "STATS" => Command::Stats,
            other => return Err(ParseError::UnknownVerb(other.to_string())),
        };
        Ok(command)
    }
}

pub trait Clock {
//        ^ rust/trait
    fn now(&self) -> u64;
}

pub struct ManualClock {
    ticks: Rc<RefCell<u64>>,
    //     ^ rust/rc
    //        ^ rust/refcell
}

impl ManualClock {
// <- rust/impl-block
    pub fn new() -> (Self, Rc<RefCell<u64>>) {
        let ticks = Rc::new(RefCell::new(0));
        (ManualClock { ticks: Rc::clone(&ticks) }, ticks)
        //                              ^ rust/shared-borrow
    }
}

impl Clock for ManualClock {
    fn now(&self) -> u64 {
    //     ^^^^^ rust/self-parameter
        *self.ticks.borrow()
    }
}

#[derive(Debug, Default, Clone, Copy)]
pub struct Stats {
    hits: u32,
    misses: u32,
    evictions: u32,
}

impl Stats {
    pub fn hit_ratio(&self) -> f64 {
        let total = self.hits + self.misses;
        if total == 0 {
            return 0.0;
        }
        self.hits as f64 / total as f64
        //        ^ rust/as-cast
    }
}

struct Entry {
//     ^ rust/struct
    value: String,
    expires_at: u64,
}

pub struct Store<C> {
    entries: HashMap<String, Entry>,
    clock: C,
    stats: Stats,
    listeners: Vec<Box<dyn Fn(&str)>>,
    //             ^ rust/trait-object
}

impl<C: Clock> Store<C> {
//   ^ rust/trait-bound
    pub fn new(clock: C) -> Self {
        Store { entries: HashMap::new(), clock, stats: Stats::default(), listeners: vec![] }
    }

    pub fn on_evict(&mut self, listener: impl Fn(&str) + 'static) {
    //                                   ^ rust/impl-trait
        self.listeners.push(Box::new(listener));
        //   ^ !rust/impl-block
    }

    pub fn set(&mut self, key: &str, value: &str, ttl: Option<u64>) {
        let expires_at = self.clock.now() + ttl.unwrap_or(DEFAULT_TTL);
        let entry = Entry { value: value.to_string(), expires_at };
        self.entries.insert(key.to_string(), entry);
    }

    pub fn get(&mut self, key: &str) -> Option<String> {
        let now = self.clock.now();
        let expired = match self.entries.get(key) {
            Some(entry) if entry.expires_at > now => {
            //          ^ rust/match-guard
                self.stats.hits += 1;
                return Some(entry.value.clone());
                //                      ^ rust/clone
            }
            Some(_) => true,
            None => false,
        };
        if expired && self.evict(key) {
            log_line!("debug", "expired {key}");
        }
        self.stats.misses += 1;
        None
    }

    fn evict(&mut self, key: &str) -> bool {
        let Some(old) = self.entries.remove(key) else {
            return false;
        };
        self.stats.evictions += 1;
        for listener in &self.listeners {
      //^ rust/for-loop
            listener(&old.value);
        }
        true
    }

    pub fn sweep(&mut self) -> usize {
        let now = self.clock.now();
        let stale: Vec<String> = self
            .entries
            .iter()
            .filter(|(_, entry)| entry.expires_at <= now)
           //^ rust/iterator-chain
            .map(|(key, _)| key.clone())
            .collect();
        stale.iter().filter(|key| self.evict(key)).count()
    }
}

fn summarize<I, T>(items: I) -> String
//          ^ rust/generics
where
// <- rust/where-clause
    I: IntoIterator<Item = T>,
    T: std::fmt::Display,
{
    let parts: Vec<String> = items.into_iter().map(|item| item.to_string()).collect();
    parts.join(" | ")
}

fn health(stats: &Stats) -> String {
    let Stats { evictions, .. } = *stats;
    //                     ^ rust/rest-pattern
    match (stats.hit_ratio() * 100.0) as u32 {
        pct @ 90..=100 if evictions < 10 => format!("excellent ({pct}%)"),
        //  ^ rust/at-binding
        //    ^ rust/range
        //                                  ^ rust/format-macros
        50..=100 => String::from("fair"),
        _ => String::from("poor"),
    }
}

fn shout(text: &str) -> String {
//             ^ rust/reference-type
    let bytes: Vec<u8> = text.bytes().map(|b| b.to_ascii_uppercase()).collect();
    // SAFETY: ASCII case mapping never touches the bytes of multi-byte UTF-8 sequences.
    unsafe { String::from_utf8_unchecked(bytes) }
  //^ rust/unsafe-block
    //               ^ !rust/unsafe-block
}

fn run_script(store: &mut Store<ManualClock>, script: &str, ticks: &Rc<RefCell<u64>>) -> Vec<String> {
    let mut output = Vec::new();
    let mut lines = script.lines().enumerate();
    'script: while let Some((number, line)) = lines.next() {
  //^ rust/loop-label
    //       ^ rust/while-let
        if line.starts_with('#') {
            continue;
        }
        let command = match parse_command(line) {
            Ok(command) => command,
            Err(ParseError::Empty) => continue 'script,
            Err(err) => {
                log_line!("warn", "line {}: {}", number + 1, err);
              //^ rust/macro-invocation
                continue;
            }
        };
        let reply = match command {
            Command::Set { key, value, ttl } => {
            //       ^ rust/destructuring-pattern
                store.set(&key, &value, ttl);
                String::from("OK")
                //      ^ !rust/match-expression
            }
            Command::Get(key) => store.get(&key).unwrap_or_else(|| String::from("(nil)")),
            Command::Stats => format!("{:?} {}", store.stats, health(&store.stats)),
        };
        output.push(reply);
        //     ^ !rust/while-let
        *ticks.borrow_mut() += 1;
    }
    output
}

fn main() {
    let (clock, ticks) = ManualClock::new();
    let mut store = Store::new(clock);
    let evicted = Rc::new(RefCell::new(Vec::new()));
    let sink = Rc::clone(&evicted);
    store.on_evict(move |value| sink.borrow_mut().push(value.to_string()));
    //             ^ rust/move-closure

    let script = "SET a 1 2\nGET a\n# warm-up done\nSET b 2\nGET a\nBOGUS x\nGET b\nSTATS";
    let output = run_script(&mut store, script, &ticks);
    //                      ^ rust/mutable-borrow
    let recent = &output[output.len().saturating_sub(3)..];
    //           ^ rust/slice
    println!("kvcache {} -> {}", VERSION, summarize(recent));
    if let Some(last) = output.last() {
  //^ rust/if-let
        println!("last reply {last}, swept {}, evicted {:?}", store.sweep(), evicted.borrow());
    }
    println!("{}", shout("done"));
}
