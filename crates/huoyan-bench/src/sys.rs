//! The machine the numbers come from, and CPU accounting from `/proc` (Linux; elsewhere the
//! figures are simply absent).

use serde::Serialize;

/// Clock ticks per second of `/proc/*/stat` (USER_HZ, 100 on Linux).
const TICKS: f64 = 100.0;

/// What the benchmark ran on.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Machine {
    pub(crate) cpus: usize,
    pub(crate) cpu_model: String,
    pub(crate) ram_gib: f64,
    pub(crate) kernel: String,
    pub(crate) huoyan: String,
    pub(crate) postgres: Option<String>,
    pub(crate) date_utc: String,
    pub(crate) load_at_start: String,
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// The 1, 5 and 15 minute load averages.
pub(crate) fn loadavg() -> String {
    read("/proc/loadavg").split_whitespace().take(3).collect::<Vec<_>>().join(" ")
}

pub(crate) fn machine(huoyan_version: String, postgres: Option<String>) -> Machine {
    let cpuinfo = read("/proc/cpuinfo");
    let cpu_model = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split_once(':'))
        .map(|(_, v)| v.trim().to_string())
        .unwrap_or_else(|| "unknown".into());
    let ram_kib: f64 = read("/proc/meminfo")
        .lines()
        .find(|l| l.starts_with("MemTotal:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    let date_utc = std::process::Command::new("date")
        .args(["-u", "+%Y-%m-%d %H:%M UTC"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    Machine {
        cpus: std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        cpu_model,
        ram_gib: (ram_kib / 1024.0 / 1024.0 * 10.0).round() / 10.0,
        kernel: read("/proc/sys/kernel/osrelease").trim().to_string(),
        huoyan: huoyan_version,
        postgres,
        date_utc,
        load_at_start: loadavg(),
    }
}

/// Resident memory of a process, KiB (`VmRSS` of `/proc/<pid>/status`).
pub(crate) fn rss_kib(pid: u32) -> Option<u64> {
    read(&format!("/proc/{pid}/status"))
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:")?.split_whitespace().next()?.parse().ok())
}

/// User + system CPU ticks of a process, from `/proc/<pid>/stat`.
fn ticks_of(stat: &str) -> Option<(String, u64)> {
    // `pid (comm) state ppid …`: the command may hold spaces and parentheses; split at the last ')'.
    let open = stat.find('(')?;
    let close = stat.rfind(')')?;
    let comm = stat[open + 1..close].to_string();
    let rest: Vec<&str> = stat[close + 1..].split_whitespace().collect();
    // After the comm: state(0) ppid(1) … utime(11) stime(12).
    let u: u64 = rest.get(11)?.parse().ok()?;
    let s: u64 = rest.get(12)?.parse().ok()?;
    Some((comm, u + s))
}

/// A snapshot of CPU use: the server process, this process, all `postgres` processes, and the
/// whole machine (busy and total jiffies from `/proc/stat`).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Cpu {
    server: u64,
    bench: u64,
    postgres: u64,
    busy: u64,
    total: u64,
}

impl Cpu {
    pub(crate) fn now(server_pid: u32) -> Cpu {
        let mut c = Cpu {
            server: ticks_of(&read(&format!("/proc/{server_pid}/stat"))).map(|t| t.1).unwrap_or(0),
            bench: ticks_of(&read("/proc/self/stat")).map(|t| t.1).unwrap_or(0),
            ..Default::default()
        };
        if let Ok(dir) = std::fs::read_dir("/proc") {
            for e in dir.flatten() {
                let name = e.file_name();
                let name = name.to_string_lossy();
                if !name.bytes().all(|b| b.is_ascii_digit()) {
                    continue;
                }
                if let Some((comm, t)) = ticks_of(&read(&format!("/proc/{name}/stat")))
                    && comm == "postgres"
                {
                    c.postgres += t;
                }
            }
        }
        if let Some(line) = read("/proc/stat").lines().next() {
            let v: Vec<u64> = line.split_whitespace().skip(1).filter_map(|x| x.parse().ok()).collect();
            if v.len() >= 5 {
                // user nice system idle iowait irq softirq steal …
                let idle = v[3] + v[4];
                c.total = v.iter().take(8).sum();
                c.busy = c.total - idle;
            }
        }
        c
    }
}

/// CPU used between two snapshots.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub(crate) struct CpuUse {
    /// CPU seconds of the `huoyan serve` process.
    pub(crate) server_s: f64,
    /// CPU seconds of this load generator.
    pub(crate) bench_s: f64,
    /// CPU seconds of all `postgres` processes (any database on the machine).
    pub(crate) postgres_s: f64,
    /// Share of all cores busy, percent (everything on the machine).
    pub(crate) machine_busy_pct: f64,
}

impl CpuUse {
    pub(crate) fn between(a: Cpu, b: Cpu) -> CpuUse {
        let d = |x: u64, y: u64| y.saturating_sub(x) as f64 / TICKS;
        let total = b.total.saturating_sub(a.total);
        CpuUse {
            server_s: d(a.server, b.server),
            bench_s: d(a.bench, b.bench),
            postgres_s: d(a.postgres, b.postgres),
            machine_busy_pct: if total == 0 {
                0.0
            } else {
                100.0 * b.busy.saturating_sub(a.busy) as f64 / total as f64
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stat_lines_are_parsed() {
        let line = "1234 (huoyan (x) y) S 1 1234 1234 0 -1 4194304 100 0 0 0 250 40 0 0 20 0 9 0 100 0 0";
        assert_eq!(ticks_of(line), Some(("huoyan (x) y".to_string(), 290)));
    }
}
