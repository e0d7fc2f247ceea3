-- Targets the project leader sets per indicator, area and year.
CREATE TABLE indicator_targets (
    indicator TEXT NOT NULL,
    area TEXT NOT NULL,
    year BIGINT NOT NULL,
    value DOUBLE PRECISION NOT NULL,
    note TEXT NOT NULL,
    PRIMARY KEY (indicator, area, year)
);
