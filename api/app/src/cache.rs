//! A small in-process cache for figures that are expensive to compute and may be a little old
//! (the accountability statistics): each value is computed by one request at a time, served
//! while younger than the time to live, and once older still served at once while a single
//! background task computes its successor (stale-while-revalidate). Errors are never cached.
//! Each replica keeps its own; the values say when they were computed.

use std::collections::HashMap;
use std::future::Future;
use std::hash::Hash;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Debug)]
struct Slot<V> {
    value: Option<(Arc<V>, Instant)>,
    refreshing: bool,
    /// Held by the request computing the first value, so that others wait for it.
    first: Arc<tokio::sync::Mutex<()>>,
    used: Instant,
}

#[derive(Debug)]
pub struct FreshCache<K, V> {
    ttl: Duration,
    capacity: usize,
    slots: Mutex<HashMap<K, Slot<V>>>,
}

enum Found<V> {
    Fresh(Arc<V>),
    Stale(Arc<V>, bool),
    Missing(Arc<tokio::sync::Mutex<()>>),
}

impl<K, V> FreshCache<K, V>
where
    K: Eq + Hash + Clone + Send + 'static,
    V: Send + Sync + 'static,
{
    /// A cache whose values live `ttl` (zero: every call computes), holding at most `capacity`
    /// keys (the least recently used goes first).
    pub fn new(ttl: Duration, capacity: usize) -> FreshCache<K, V> {
        FreshCache {
            ttl,
            capacity: capacity.max(1),
            slots: Mutex::new(HashMap::new()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<K, Slot<V>>> {
        // A panic while holding the lock leaves the map consistent (each change is one insert).
        self.slots
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn find(&self, key: &K) -> Found<V> {
        let now = Instant::now();
        let mut slots = self.lock();
        if !slots.contains_key(key) && slots.len() >= self.capacity {
            let oldest = slots
                .iter()
                .filter(|(_, s)| !s.refreshing)
                .min_by_key(|(_, s)| s.used)
                .map(|(k, _)| k.clone());
            if let Some(k) = oldest {
                slots.remove(&k);
            }
        }
        let slot = slots.entry(key.clone()).or_insert_with(|| Slot {
            value: None,
            refreshing: false,
            first: Arc::new(tokio::sync::Mutex::new(())),
            used: now,
        });
        slot.used = now;
        match &slot.value {
            Some((v, at)) if now.duration_since(*at) < self.ttl => Found::Fresh(v.clone()),
            Some((v, _)) => {
                let refresh = !slot.refreshing;
                slot.refreshing = true;
                Found::Stale(v.clone(), refresh)
            }
            None => Found::Missing(slot.first.clone()),
        }
    }

    fn store(&self, key: &K, value: Arc<V>) {
        let mut slots = self.lock();
        if let Some(slot) = slots.get_mut(key) {
            slot.value = Some((value, Instant::now()));
            slot.refreshing = false;
        }
    }

    fn refresh_failed(&self, key: &K) {
        if let Some(slot) = self.lock().get_mut(key) {
            slot.refreshing = false;
        }
    }

    /// The value for `key`: cached, or computed by `compute` (which the cache may also run in
    /// the background to replace a value past its time).
    pub async fn get<E, F, Fut>(self: &Arc<Self>, key: K, compute: F) -> Result<Arc<V>, E>
    where
        F: Fn() -> Fut + Send + 'static,
        Fut: Future<Output = Result<V, E>> + Send + 'static,
        E: Send + 'static,
    {
        if self.ttl.is_zero() {
            return compute().await.map(Arc::new);
        }
        match self.find(&key) {
            Found::Fresh(v) => Ok(v),
            Found::Stale(v, refresh) => {
                if refresh {
                    let cache = Arc::clone(self);
                    tokio::spawn(async move {
                        match compute().await {
                            Ok(fresh) => cache.store(&key, Arc::new(fresh)),
                            Err(_) => cache.refresh_failed(&key),
                        }
                    });
                }
                Ok(v)
            }
            Found::Missing(first) => {
                let _turn = first.lock().await;
                // Someone else may have computed it while this request waited.
                if let Found::Fresh(v) | Found::Stale(v, false) = self.find(&key) {
                    return Ok(v);
                }
                let value = Arc::new(compute().await?);
                self.store(&key, value.clone());
                Ok(value)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    fn counter() -> (
        Arc<AtomicU32>,
        impl Fn() -> std::future::Ready<Result<u32, ()>> + Clone,
    ) {
        let calls = Arc::new(AtomicU32::new(0));
        let c = calls.clone();
        (calls, move || {
            std::future::ready(Ok(c.fetch_add(1, Ordering::SeqCst) + 1))
        })
    }

    #[tokio::test]
    async fn a_fresh_value_is_computed_once() {
        let cache = Arc::new(FreshCache::new(Duration::from_secs(60), 8));
        let (calls, compute) = counter();
        for _ in 0..5 {
            assert_eq!(*cache.get("k", compute.clone()).await.unwrap(), 1);
        }
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        assert_eq!(*cache.get("other", compute.clone()).await.unwrap(), 2);
    }

    #[tokio::test]
    async fn a_stale_value_is_served_while_one_refresh_runs() {
        let cache = Arc::new(FreshCache::new(Duration::from_millis(20), 8));
        let (calls, compute) = counter();
        assert_eq!(*cache.get("k", compute.clone()).await.unwrap(), 1);
        tokio::time::sleep(Duration::from_millis(30)).await;
        // Past its time: the old value comes back at once, one refresh starts.
        assert_eq!(*cache.get("k", compute.clone()).await.unwrap(), 1);
        assert_eq!(*cache.get("k", compute.clone()).await.unwrap(), 1);
        tokio::time::sleep(Duration::from_millis(10)).await;
        assert_eq!(calls.load(Ordering::SeqCst), 2);
        assert_eq!(*cache.get("k", compute.clone()).await.unwrap(), 2);
    }

    #[tokio::test]
    async fn no_time_to_live_means_no_cache_and_errors_are_not_kept() {
        let none = Arc::new(FreshCache::new(Duration::ZERO, 8));
        let (calls, compute) = counter();
        none.get("k", compute.clone()).await.unwrap();
        none.get("k", compute.clone()).await.unwrap();
        assert_eq!(calls.load(Ordering::SeqCst), 2);
        let cache: Arc<FreshCache<&str, u32>> =
            Arc::new(FreshCache::new(Duration::from_secs(60), 8));
        assert!(
            cache
                .get("k", || std::future::ready(Err::<u32, ()>(())))
                .await
                .is_err()
        );
        assert_eq!(*cache.get("k", compute.clone()).await.unwrap(), 3);
    }

    #[tokio::test]
    async fn the_least_recently_used_key_leaves_a_full_cache() {
        let cache = Arc::new(FreshCache::new(Duration::from_secs(60), 2));
        let (calls, compute) = counter();
        cache.get("a", compute.clone()).await.unwrap();
        cache.get("b", compute.clone()).await.unwrap();
        cache.get("a", compute.clone()).await.unwrap();
        cache.get("c", compute.clone()).await.unwrap(); // evicts b
        cache.get("a", compute.clone()).await.unwrap();
        assert_eq!(calls.load(Ordering::SeqCst), 3);
        cache.get("b", compute.clone()).await.unwrap();
        assert_eq!(calls.load(Ordering::SeqCst), 4);
    }
}

/// The use-cases' caches, one of each type, made on first use: the application context holds
/// them without knowing what they keep (a use-case names its own cache type, the context never
/// imports a use-case).
#[derive(Clone, Default)]
pub struct Caches {
    /// Figures are kept this long (`TAWASOL_STATS_TTL`).
    pub ttl: Duration,
    by_type: Arc<Mutex<HashMap<std::any::TypeId, Arc<dyn std::any::Any + Send + Sync>>>>,
}

impl std::fmt::Debug for Caches {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Caches")
            .field("ttl", &self.ttl)
            .finish_non_exhaustive()
    }
}

impl Caches {
    pub fn new(ttl: Duration) -> Caches {
        Caches {
            ttl,
            by_type: Arc::default(),
        }
    }

    /// The cache of type `T`, made by `init` (with the time to live) the first time it is asked.
    pub fn get_or_init<T: Send + Sync + 'static>(
        &self,
        init: impl FnOnce(Duration) -> T,
    ) -> Arc<T> {
        let mut map = self
            .by_type
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let entry = map
            .entry(std::any::TypeId::of::<T>())
            .or_insert_with(|| Arc::new(init(self.ttl)));
        Arc::clone(entry)
            .downcast::<T>()
            .unwrap_or_else(|_| unreachable!("each cache is kept under its own type"))
    }
}
