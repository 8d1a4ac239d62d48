-- Is this (possibly shared, in-process) database instance locked down already, and which
-- directories may it touch? See Warehouse.open_reader.
SELECT current_setting('lock_configuration')::BOOLEAN AS locked,
       current_setting('allowed_directories') AS allowed;
