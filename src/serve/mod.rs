//! `carnet serve`: the site held in memory, rebuilt when the kit changes,
//! served on the local machine with live reload and the kit's errors shown
//! over every page. Never writes a file: not `public/`, nothing in the kit.

mod check;
mod http;
mod live;
mod paths;
mod quick;
pub mod site;
mod timings;
mod watch;

use crate::Profile;
use chrono::NaiveDate;
use live::Live;
use site::{LiveSite, Published, Rebuild};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, RwLock};
use std::thread::JoinHandle;
use std::time::Duration;
use watch::Change;

/// What `carnet serve` is asked to do.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    /// The kit folder.
    pub root: PathBuf,
    /// The address to listen on (127.0.0.1 by default).
    pub bind: IpAddr,
    /// The port; `None` for 1111 or the next free one, `Some(0)` for any.
    pub port: Option<u16>,
    /// Who the preview is for (interne by default).
    pub profile: Profile,
    /// The day the site is built for; `None` for today, each rebuild.
    pub today: Option<NaiveDate>,
    /// Whether to print a line per rebuild.
    pub verbose: bool,
}

impl ServeOptions {
    /// The defaults of `carnet serve` for the kit at `root`.
    pub fn new(root: PathBuf) -> ServeOptions {
        ServeOptions {
            root,
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: None,
            profile: Profile::Interne,
            today: None,
            verbose: true,
        }
    }
}

/// The port tried first, then the next ones.
const DEFAULT_PORT: u16 = 1111;
/// How many ports after [`DEFAULT_PORT`] are tried.
const PORTS_TRIED: u16 = 100;
/// Threads answering requests (event streams do not hold one).
const WORKERS: usize = 4;
/// How often connected browsers are pinged, to notice closed ones.
const KEEP_ALIVE: Duration = Duration::from_secs(15);
/// Past this many files in one batch (a `git checkout`), wait for the
/// changes to settle so that they make one rebuild.
const BURST: usize = 8;
/// How long a burst of changes must be quiet before it is rebuilt.
const SETTLE: Duration = Duration::from_millis(60);

/// What the request threads share with the rebuild thread.
struct Shared {
    /// The last good version of the site: a request takes it and answers
    /// from it, so requests never wait for a rebuild.
    site: RwLock<Arc<Published>>,
    live: Live,
    /// The address listened on: on a loopback one, only requests naming
    /// this machine are answered (see [`http::host_allowed`]).
    bind: IpAddr,
    /// Set when the server stops: the request threads end.
    stopping: AtomicBool,
    /// Rebuilds made since the first build.
    rebuilds: AtomicUsize,
}

/// A running preview server.
pub struct Server {
    /// The address it listens on.
    pub addr: SocketAddr,
    /// The outcome of the first build (errors if the kit is invalid).
    pub first: Rebuild,
    http: Arc<tiny_http::Server>,
    shared: Arc<Shared>,
    workers: Vec<JoinHandle<()>>,
    rebuilder: Option<(Sender<Change>, JoinHandle<()>)>,
    watcher: watch::Watcher,
}

impl Server {
    /// Listens, builds the site, watches the kit and serves: returns once the
    /// first build is done. Refuses to show the interne profile on an address
    /// other machines can reach.
    pub fn start(options: &ServeOptions) -> Result<Server, String> {
        if options.profile == Profile::Interne && !options.bind.is_loopback() {
            return Err(format!(
                "refus de servir le profil interne sur {} : il montre toutes les données \
                 personnelles (commentaires, financements, numéros CAF/CLI) et cette adresse \
                 est joignable depuis d'autres machines. Prévisualisez-le sur 127.0.0.1 (sans \
                 --bind), ou servez le site public avec --profile public.",
                options.bind
            ));
        }
        let http = Arc::new(listen(options.bind, options.port)?);
        let addr = http
            .server_addr()
            .to_ip()
            .ok_or("le serveur n'écoute pas sur une adresse IP")?;
        let (send, changes) = mpsc::channel();
        let watcher = watch::watch(&options.root, send.clone())?;
        let today = options.today;
        let day = move || today.unwrap_or_else(|| chrono::Local::now().date_naive());
        let mut site = LiveSite::new(options.root.clone(), options.profile, day());
        let first = site.rebuild(&[], day());
        let shared = Arc::new(Shared {
            site: RwLock::new(site.published()),
            live: Live::default(),
            bind: options.bind,
            stopping: AtomicBool::new(false),
            rebuilds: AtomicUsize::new(0),
        });
        shared
            .live
            .rebuilt(first.changed.clone(), Vec::new(), first.errors.clone());
        let mut rebuild_loop = RebuildLoop {
            shared: shared.clone(),
            options: options.clone(),
            site,
        };
        let rebuilder = std::thread::spawn(move || rebuild_loop.run(&changes, day));
        let workers = (0..WORKERS)
            .map(|_| {
                let (http, shared) = (http.clone(), shared.clone());
                std::thread::spawn(move || {
                    // An error is either a failed accept (the next may work)
                    // or the wake-up of `stop`.
                    while !shared.stopping.load(Ordering::SeqCst) {
                        if let Ok(request) = http.recv() {
                            http::answer(request, &shared);
                        }
                    }
                })
            })
            .collect();
        Ok(Server {
            addr,
            first,
            http,
            shared,
            workers,
            rebuilder: Some((send, rebuilder)),
            watcher,
        })
    }

    /// The URL to open in a browser.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// How many times the site was rebuilt since the first build.
    pub fn rebuilds(&self) -> usize {
        self.shared.rebuilds.load(Ordering::SeqCst)
    }

    /// Stops watching and serving; returns when every thread has ended.
    pub fn stop(mut self) {
        self.watcher.stop();
        if let Some((send, thread)) = self.rebuilder.take() {
            drop(send);
            let _ = thread.join();
        }
        self.shared.stopping.store(true, Ordering::SeqCst);
        for _ in &self.workers {
            self.http.unblock();
        }
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
        self.shared.live.close();
    }
}

/// Listens on `bind`: on `port` if given, else on 1111 or the next free port.
fn listen(bind: IpAddr, port: Option<u16>) -> Result<tiny_http::Server, String> {
    let ports = match port {
        Some(port) => port..=port,
        None => DEFAULT_PORT..=DEFAULT_PORT + PORTS_TRIED,
    };
    let mut last = String::new();
    for port in ports {
        match tiny_http::Server::http(SocketAddr::new(bind, port)) {
            Ok(server) => return Ok(server),
            Err(e) => last = format!("impossible d'écouter sur {bind}:{port} : {e}"),
        }
    }
    Err(format!(
        "{last} (choisissez un autre port avec --port, ou arrêtez l'autre serveur)"
    ))
}

/// The thread that rebuilds the site after each change of the kit.
struct RebuildLoop {
    shared: Arc<Shared>,
    options: ServeOptions,
    /// The site and what brings it up to date: only this thread touches it.
    site: LiveSite,
}

impl RebuildLoop {
    /// Rebuilds after each batch of changes until the channel closes; when
    /// the date changes (a preview left open overnight), rebuilds
    /// everything, as the pages say what is to come and what is due.
    fn run(&mut self, changes: &Receiver<Change>, day: impl Fn() -> NaiveDate) {
        let mut built_on = day();
        loop {
            let first = match changes.recv_timeout(KEEP_ALIVE) {
                Ok(change) => change,
                Err(RecvTimeoutError::Timeout) => {
                    self.shared.live.keep_alive();
                    if day() != built_on {
                        built_on = day();
                        self.rebuild(&[], false, built_on);
                    }
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => return,
            };
            let Some((files, rescan)) = gather(first, changes) else {
                return;
            };
            built_on = day();
            self.rebuild(&files, rescan, built_on);
        }
    }

    /// Brings the site up to date after `files` changed (everything is read
    /// again on `rescan`), prints the line, tells the browsers: in two or
    /// three events when the rebuild goes in phases, the edited record's
    /// pages (from the quick lane, then the first phase) served and
    /// announced first (see [`LiveSite::rebuild_in_phases`]).
    fn rebuild(&mut self, files: &[String], rescan: bool, today: NaiveDate) {
        if rescan {
            self.site = LiveSite::new(self.options.root.clone(), self.options.profile, today);
        }
        let shared = &self.shared;
        let report = self.site.rebuild_in_phases(files, today, |first, changed| {
            *shared.site.write().unwrap_or_else(|e| e.into_inner()) = first;
            shared.live.first_phase(changed.to_vec());
        });
        // The complete version, or when the rebuild failed the last good
        // one again: a first phase never outlives a rebuild that failed.
        *self.shared.site.write().unwrap_or_else(|e| e.into_inner()) = self.site.published();
        self.shared.rebuilds.fetch_add(1, Ordering::SeqCst);
        if self.options.verbose {
            print_report(&report, false);
        }
        let mut changed = report.changed;
        if let Some(first) = &report.first {
            // Both sorted: what the first event did not name.
            changed.retain(|path| first.changed.binary_search(path).is_err());
        }
        self.shared
            .live
            .rebuilt(changed, report.removed, report.errors);
    }
}

/// Every change queued after `first` (waiting for a burst to settle): the
/// changed files and whether the kit must be read again; `None` when the
/// watcher is gone.
fn gather(first: Change, changes: &Receiver<Change>) -> Option<(Vec<String>, bool)> {
    let mut files = std::collections::BTreeSet::new();
    let mut rescan = false;
    let mut add = |change: Change, files: &mut std::collections::BTreeSet<String>| match change {
        Change::Files(paths) => files.extend(paths),
        Change::Rescan => rescan = true,
    };
    add(first, &mut files);
    loop {
        let next = if files.len() > BURST {
            changes.recv_timeout(SETTLE)
        } else {
            changes.try_recv().map_err(|e| match e {
                mpsc::TryRecvError::Empty => RecvTimeoutError::Timeout,
                mpsc::TryRecvError::Disconnected => RecvTimeoutError::Disconnected,
            })
        };
        match next {
            Ok(change) => add(change, &mut files),
            Err(RecvTimeoutError::Timeout) => break,
            Err(RecvTimeoutError::Disconnected) => return None,
        }
    }
    Some((files.into_iter().collect(), rescan))
}

/// Prints one line for a rebuild (and its errors, on stderr); `first` for
/// the build made on starting.
fn print_report(report: &Rebuild, first: bool) {
    println!("{}", report_line(report, first));
    if let Some(errors) = &report.errors {
        eprint!("{errors}");
    }
}

/// The console line of a rebuild: which files changed (the first few and
/// how many), how many outputs were rendered again and how many changed,
/// how long it took, the warnings; or that the kit has errors. `first` for
/// the build made on starting.
pub fn report_line(report: &Rebuild, first: bool) -> String {
    const SHOWN: usize = 3;
    let files = &report.changed_files;
    let mut what = files[..files.len().min(SHOWN)].join(", ");
    if files.len() > SHOWN {
        what.push_str(&format!(" et {} autre(s)", files.len() - SHOWN));
    }
    if what.is_empty() {
        what = "nouvelle date".to_string();
    }
    let ms = report.elapsed.as_secs_f64() * 1000.0;
    let mut line = match (&report.errors, first) {
        (Some(_), true) => format!(
            "carnet : le kit contient des erreurs ({ms:.0} ms) : le site sera servi dès qu'elles seront corrigées"
        ),
        (Some(_), false) => format!(
            "carnet : {what} → erreurs dans le kit, la dernière version correcte reste servie ({ms:.0} ms)"
        ),
        (None, true) => format!(
            "carnet : site construit en mémoire, {} sortie(s) en {ms:.0} ms",
            report.rendered
        ),
        (None, false) => format!(
            "carnet : {what} → {} sortie(s) refaite(s), {} changée(s), {} supprimée(s) en {ms:.0} ms",
            report.rendered,
            report.changed.len(),
            report.removed.len()
        ),
    };
    if let (Some(first), None) = (&report.first, &report.errors) {
        line.push_str(&format!(
            " ; {} page(s) servie(s) dès {:.0} ms",
            first.changed.len(),
            first.elapsed.as_secs_f64() * 1000.0
        ));
    }
    if report.warnings > 0 {
        line.push_str(&format!(
            " ; {} avertissement(s) (carnet check les affiche)",
            report.warnings
        ));
    }
    line
}

/// `carnet serve`: starts the server, prints the URL, and serves until
/// Ctrl-C, then stops cleanly.
pub fn run(options: &ServeOptions) -> Result<(), String> {
    let (stop, stopped) = mpsc::channel();
    ctrlc::set_handler(move || {
        let _ = stop.send(());
    })
    .map_err(|e| format!("impossible d'intercepter Ctrl-C : {e}"))?;
    let server = Server::start(options)?;
    print_report(&server.first, true);
    if options.profile == Profile::Interne {
        eprintln!(
            "attention : profil interne — toutes les données personnelles sont montrées ; \
             à garder sur cette machine."
        );
    }
    println!(
        "carnet : site servi sur {} (Ctrl-C pour arrêter)",
        server.url()
    );
    let _ = stopped.recv();
    server.stop();
    println!("carnet : serveur arrêté");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(n: usize) -> Vec<String> {
        (0..n)
            .map(|i| format!("data/personnes/p{i}.yaml"))
            .collect()
    }

    #[test]
    fn a_rebuild_line_names_the_first_files_and_counts() {
        let report = Rebuild {
            changed_files: files(5),
            changed: vec!["personnes/p0.html".into()],
            rendered: 4,
            elapsed: Duration::from_millis(12),
            ..Rebuild::default()
        };
        assert_eq!(
            report_line(&report, false),
            "carnet : data/personnes/p0.yaml, data/personnes/p1.yaml, data/personnes/p2.yaml \
             et 2 autre(s) → 4 sortie(s) refaite(s), 1 changée(s), 0 supprimée(s) en 12 ms"
        );
        let phased = Rebuild {
            first: Some(site::FirstPhase {
                changed: vec!["personnes/p0.html".into()],
                elapsed: Duration::from_millis(3),
            }),
            ..Rebuild {
                changed_files: files(1),
                changed: vec!["personnes/p0.html".into(), "personnes/index.html".into()],
                rendered: 4,
                elapsed: Duration::from_millis(12),
                ..Rebuild::default()
            }
        };
        assert_eq!(
            report_line(&phased, false),
            "carnet : data/personnes/p0.yaml → 4 sortie(s) refaite(s), 2 changée(s), \
             0 supprimée(s) en 12 ms ; 1 page(s) servie(s) dès 3 ms"
        );
        let warned = Rebuild {
            warnings: 2,
            ..report
        };
        assert!(
            report_line(&warned, false)
                .ends_with("en 12 ms ; 2 avertissement(s) (carnet check les affiche)")
        );
    }

    #[test]
    fn a_bad_rebuild_line_says_the_old_site_stays() {
        let report = Rebuild {
            changed_files: files(1),
            errors: Some("erreur".into()),
            ..Rebuild::default()
        };
        assert!(report_line(&report, false).contains("la dernière version correcte reste servie"));
        let first = report_line(&report, true);
        assert!(
            first.contains("le site sera servi dès qu'elles seront corrigées"),
            "{first}"
        );
    }

    #[test]
    fn a_burst_of_changes_is_gathered_into_one_rebuild() {
        let (send, changes) = mpsc::channel();
        for chunk in files(40).chunks(10) {
            send.send(Change::Files(chunk.to_vec())).unwrap();
        }
        let first = changes.recv().unwrap();
        let (gathered, rescan) = gather(first, &changes).unwrap();
        assert_eq!(gathered.len(), 40);
        assert!(!rescan);
    }
}
