-- Which modules this region wants installed: the desired state every node converges to.
CREATE TABLE gapura_module_state (
    module_id   VARCHAR(31)  NOT NULL PRIMARY KEY,
    installed   BOOLEAN      NOT NULL,
    version     VARCHAR(64)  NOT NULL,
    changed_at  TIMESTAMP    NOT NULL,
    changed_by  VARCHAR(128) NOT NULL
);
