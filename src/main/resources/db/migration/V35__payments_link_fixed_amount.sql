-- A payment link for a payment plan's instalment pays a fixed amount (what is open of the instalment) across the
-- plan's invoices, allocated as any payment on them; an ordinary link pays what is open on its invoices now.
alter table payment_link add column fixed_amount boolean not null default false;
