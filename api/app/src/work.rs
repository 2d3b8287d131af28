//! Classes of expensive work. A request whose cost grows with the data or the query (the
//! accountability figures, text search, the open-data exports, Open311's long lists) runs only
//! with a slot of its class. Each class has a few slots, together fewer than the database pool
//! holds, so that however many such requests arrive, cheap reads, writes and the health probes
//! always find a connection. A request that finds no free slot within a short wait is answered
//! 503 with `Retry-After`: the excess of that class alone is refused, never anyone else.
//!
//! The classes hold whatever `TAWASOL_RATE_LIMITS` says: they protect the service, not a quota.

use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// What kind of expensive work a request does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WorkClass {
    /// The accountability figures (REST, the commune page, the watcher's view).
    Figures,
    /// Full-text search in the issue lists (REST and pages), and the lists no index serves (a map
    /// box, the most supported or recently updated first).
    Search,
    /// The open-data exports, held for as long as the answer streams.
    Export,
    /// Open311's lists of up to a thousand requests or updates.
    Bulk,
}

impl WorkClass {
    pub const ALL: [WorkClass; 4] = [
        WorkClass::Figures,
        WorkClass::Search,
        WorkClass::Export,
        WorkClass::Bulk,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            WorkClass::Figures => "figures",
            WorkClass::Search => "search",
            WorkClass::Export => "export",
            WorkClass::Bulk => "bulk",
        }
    }

    /// How long a refused request is told to wait before trying again.
    pub fn retry_after(self) -> u32 {
        match self {
            WorkClass::Figures | WorkClass::Export => 10,
            WorkClass::Search | WorkClass::Bulk => 2,
        }
    }
}

/// The slots of every class.
#[derive(Debug, Clone)]
pub struct WorkLimits {
    slots: Arc<[Arc<Semaphore>; 4]>,
    per_class: usize,
    wait: Duration,
}

/// The smallest pool that leaves a connection free when every class is busy.
pub const MIN_POOL_SIZE: u32 = WorkClass::ALL.len() as u32 + 1;

/// A slot of a class, held until dropped.
#[derive(Debug)]
pub struct Slot {
    _permit: OwnedSemaphorePermit,
}

/// No slot of this class came free in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Busy {
    pub class: WorkClass,
    pub retry_after: u32,
}

impl WorkLimits {
    /// Slots for a pool of `pool_size` connections: each class gets a quarter of what is left
    /// after one connection is kept back for everything else (at least one), so that the four
    /// classes together never hold the whole pool. `wait` is how long a request waits for a slot.
    pub fn new(pool_size: u32, wait: Duration) -> WorkLimits {
        let pool = usize::try_from(pool_size.max(MIN_POOL_SIZE)).unwrap_or(usize::MAX);
        let per_class = ((pool - 1) / WorkClass::ALL.len()).max(1);
        WorkLimits {
            slots: Arc::new(std::array::from_fn(|_| Arc::new(Semaphore::new(per_class)))),
            per_class,
            wait,
        }
    }

    /// How many requests of one class may run at once.
    pub fn per_class(&self) -> usize {
        self.per_class
    }

    fn semaphore(&self, class: WorkClass) -> &Arc<Semaphore> {
        let i = WorkClass::ALL
            .iter()
            .position(|c| *c == class)
            .unwrap_or_default();
        &self.slots[i]
    }

    /// A slot of `class`, waiting at most the configured time for one to come free.
    pub async fn enter(&self, class: WorkClass) -> Result<Slot, Busy> {
        let semaphore = Arc::clone(self.semaphore(class));
        match tokio::time::timeout(self.wait, semaphore.acquire_owned()).await {
            Ok(Ok(permit)) => Ok(Slot { _permit: permit }),
            _ => Err(Busy {
                class,
                retry_after: class.retry_after(),
            }),
        }
    }

    /// A slot of `class` if one is free now (background work that can simply try later).
    pub fn try_enter(&self, class: WorkClass) -> Option<Slot> {
        Arc::clone(self.semaphore(class))
            .try_acquire_owned()
            .ok()
            .map(|permit| Slot { _permit: permit })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_classes_together_leave_part_of_the_pool_free() {
        for pool in [1, 4, 5, 8, 10, 20, 100] {
            let limits = WorkLimits::new(pool, Duration::ZERO);
            let heavy = limits.per_class() * WorkClass::ALL.len();
            assert!(
                heavy < usize::try_from(pool.max(MIN_POOL_SIZE)).unwrap(),
                "pool {pool}"
            );
            assert!(limits.per_class() >= 1);
        }
        assert_eq!(WorkLimits::new(10, Duration::ZERO).per_class(), 2);
    }

    #[tokio::test]
    async fn the_excess_of_one_class_is_refused_and_the_others_are_untouched() {
        let limits = WorkLimits::new(5, Duration::from_millis(50));
        let held = limits.enter(WorkClass::Figures).await.unwrap();
        let refused = limits.enter(WorkClass::Figures).await.unwrap_err();
        assert_eq!(refused.class, WorkClass::Figures);
        assert!(refused.retry_after > 0);
        assert!(limits.enter(WorkClass::Search).await.is_ok());
        drop(held);
        assert!(limits.enter(WorkClass::Figures).await.is_ok());
        assert!(limits.try_enter(WorkClass::Export).is_some());
    }
}
