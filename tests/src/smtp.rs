//! A real SMTP server inside the test process (mailin-embedded), catching every mail it accepts.

use mailin_embedded::response::{NO_MAILBOX, OK};
use mailin_embedded::{Handler, Response, Server};
use std::collections::HashSet;
use std::net::{IpAddr, TcpListener};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One accepted mail: its envelope recipients and its raw RFC 5322 text.
#[derive(Debug, Clone)]
pub struct CaughtMail {
    pub to: Vec<String>,
    pub raw: Vec<u8>,
}

impl CaughtMail {
    pub fn parsed(&self) -> mailparse::ParsedMail<'_> {
        mailparse::parse_mail(&self.raw).expect("a parseable mail")
    }

    /// A header, decoded (RFC 2047).
    pub fn header(&self, name: &str) -> Option<String> {
        use mailparse::MailHeaderMap;
        self.parsed().headers.get_first_value(name)
    }

    pub fn subject(&self) -> String {
        self.header("Subject").unwrap_or_default()
    }

    /// The decoded body of the first part of this MIME type (`text/plain`, `text/html`).
    pub fn body(&self, mime: &str) -> String {
        fn find(part: &mailparse::ParsedMail<'_>, mime: &str) -> Option<String> {
            if part.ctype.mimetype == mime {
                return part.get_body().ok();
            }
            part.subparts.iter().find_map(|p| find(p, mime))
        }
        find(&self.parsed(), mime).unwrap_or_default()
    }
}

#[derive(Clone)]
struct Catch {
    mails: Arc<Mutex<Vec<CaughtMail>>>,
    refused: Arc<HashSet<String>>,
    to: Vec<String>,
    data: Vec<u8>,
}

impl Handler for Catch {
    fn mail(&mut self, _ip: IpAddr, _domain: &str, _from: &str) -> Response {
        self.to.clear();
        self.data.clear();
        OK
    }

    fn rcpt(&mut self, to: &str) -> Response {
        let address = to.trim_matches(['<', '>']).to_lowercase();
        if self.refused.contains(&address) {
            return NO_MAILBOX;
        }
        self.to.push(address);
        OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.data.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        self.mails.lock().unwrap().push(CaughtMail {
            to: std::mem::take(&mut self.to),
            raw: std::mem::take(&mut self.data),
        });
        OK
    }
}

#[derive(Debug, Clone)]
pub struct SmtpCatcher {
    pub port: u16,
    mails: Arc<Mutex<Vec<CaughtMail>>>,
}

impl SmtpCatcher {
    /// A server on a free loopback port.
    pub fn start() -> SmtpCatcher {
        SmtpCatcher::start_refusing(&[])
    }

    /// A server that answers 550 to these recipients.
    pub fn start_refusing(refused: &[&str]) -> SmtpCatcher {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        SmtpCatcher::serve(listener, refused)
    }

    /// A server on `port` (chosen earlier with [`free_port`], while nothing listened there).
    pub fn start_on(port: u16) -> SmtpCatcher {
        let listener =
            TcpListener::bind(("127.0.0.1", port)).expect("the chosen port is still free");
        SmtpCatcher::serve(listener, &[])
    }

    fn serve(listener: TcpListener, refused: &[&str]) -> SmtpCatcher {
        let port = listener.local_addr().unwrap().port();
        let mails = Arc::new(Mutex::new(Vec::new()));
        let handler = Catch {
            mails: mails.clone(),
            refused: Arc::new(refused.iter().map(|r| r.to_lowercase()).collect()),
            to: Vec::new(),
            data: Vec::new(),
        };
        let mut server = Server::new(handler);
        server
            .with_name("catcher.test")
            .with_num_threads(64)
            .with_tcp_listener(listener);
        std::thread::spawn(move || {
            let _ = server.serve();
        });
        SmtpCatcher { port, mails }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn mails(&self) -> Vec<CaughtMail> {
        self.mails.lock().unwrap().clone()
    }

    /// Waits (polling, up to `timeout`) until at least `n` mails arrived.
    pub async fn wait_for(&self, n: usize, timeout: Duration) -> Vec<CaughtMail> {
        let deadline = Instant::now() + timeout;
        loop {
            let mails = self.mails();
            if mails.len() >= n || Instant::now() >= deadline {
                return mails;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }
}

/// A loopback port nothing listens on (yet): connections to it are refused.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}
