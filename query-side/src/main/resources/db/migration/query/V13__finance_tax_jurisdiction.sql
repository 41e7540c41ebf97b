-- The jurisdiction of a tax booking: the tax a refund gives back per jurisdiction, as the tax service figured it
-- (TAX_GIVEN_BACK), and the tax the ERP's credit memo posted there (CREDIT_MEMO_TAX). Null for every other kind.
ALTER TABLE finance_entry ADD COLUMN jurisdiction VARCHAR(32);
