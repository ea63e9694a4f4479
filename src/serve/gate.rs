//! How many connections the server holds: at most so many in all and so many from one source
//! address. A connection takes a [`Ticket`] at accept time and gives it back when it ends
//! (the ticket's drop), whatever ends it.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, PoisonError};

/// The counts, shared by the accept loop and every connection's ticket.
#[derive(Debug, Clone)]
pub struct Gate {
    inner: Arc<Mutex<Counts>>,
    max_total: usize,
    max_per_address: usize,
}

#[derive(Debug, Default)]
struct Counts {
    total: usize,
    by_address: HashMap<IpAddr, usize>,
}

/// One connection's place; dropping it frees the place.
#[derive(Debug)]
pub struct Ticket {
    gate: Gate,
    address: IpAddr,
}

impl Gate {
    pub fn new(max_total: usize, max_per_address: usize) -> Self {
        Self { inner: Arc::default(), max_total, max_per_address }
    }

    /// A place for a connection from `address`, or `None` when the server or that address is
    /// full.
    pub fn admit(&self, address: IpAddr) -> Option<Ticket> {
        let mut counts = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        let from_here = counts.by_address.get(&address).copied().unwrap_or(0);
        if counts.total >= self.max_total || from_here >= self.max_per_address {
            return None;
        }
        counts.total += 1;
        *counts.by_address.entry(address).or_default() += 1;
        Some(Ticket { gate: self.clone(), address })
    }

    /// Connections held now.
    pub fn held(&self) -> usize {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner).total
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        let mut counts = self.gate.inner.lock().unwrap_or_else(PoisonError::into_inner);
        counts.total = counts.total.saturating_sub(1);
        if let Some(count) = counts.by_address.get_mut(&self.address) {
            *count -= 1;
            if *count == 0 {
                counts.by_address.remove(&self.address);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_counted_per_address_and_in_all_and_given_back() {
        let gate = Gate::new(3, 2);
        let here: IpAddr = "127.0.0.1".parse().unwrap();
        let there: IpAddr = "10.0.0.2".parse().unwrap();
        let a = gate.admit(here).unwrap();
        let _b = gate.admit(here).unwrap();
        assert!(gate.admit(here).is_none(), "a third from one address");
        let _c = gate.admit(there).unwrap();
        assert!(gate.admit(there).is_none(), "a fourth in all");
        drop(a);
        assert_eq!(gate.held(), 2);
        assert!(gate.admit(here).is_some());
    }
}
