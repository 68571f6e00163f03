namespace Extractor.Storage;

/// <summary>
/// The schema as an ordered list of scripts; migration N brings a database from version N-1 to N.
/// Append new migrations, never edit a released one. Types are TEXT/INTEGER/REAL and timestamps ISO-8601 text
/// so the same scripts need few changes for PostgreSQL (INTEGER PRIMARY KEY → GENERATED identity).
/// </summary>
public static class Migrations
{
    public static IReadOnlyList<string> Scripts { get; } =
    [
        // 1: documents, pages, tables, cells, facts, checks, corrections, failures, learned codes.
        """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            file_name TEXT NOT NULL,
            path TEXT NOT NULL UNIQUE,
            sha256 TEXT NOT NULL,
            size_bytes INTEGER NOT NULL,
            page_count INTEGER NOT NULL,
            producer TEXT,
            ingested_at TEXT NOT NULL,
            unit_name TEXT,
            year INTEGER,
            kind TEXT NOT NULL,
            level TEXT NOT NULL,
            status TEXT NOT NULL
        );
        CREATE INDEX ix_documents_sha256 ON documents (sha256);

        CREATE TABLE pages (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents (id),
            page_no INTEGER NOT NULL,
            width REAL NOT NULL,
            height REAL NOT NULL,
            rotation INTEGER NOT NULL,
            skew REAL NOT NULL,
            scanned INTEGER NOT NULL,
            text_layer_usable INTEGER NOT NULL,
            text_confidence REAL NOT NULL,
            raw_text TEXT NOT NULL,
            form_type TEXT NOT NULL,
            confidence REAL NOT NULL,
            UNIQUE (document_id, page_no)
        );

        CREATE TABLE tables (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents (id),
            page_no INTEGER NOT NULL,
            table_index INTEGER NOT NULL,      -- position in the document's table list (CellRef.Table)
            index_on_page INTEGER NOT NULL,    -- Table.Index
            row_count INTEGER NOT NULL,
            col_count INTEGER NOT NULL,
            x REAL NOT NULL, y REAL NOT NULL, w REAL NOT NULL, h REAL NOT NULL,
            continues_previous INTEGER NOT NULL,
            row_pages TEXT
        );
        CREATE INDEX ix_tables_document ON tables (document_id, page_no, table_index);

        CREATE TABLE cells (
            id INTEGER PRIMARY KEY,
            table_id INTEGER NOT NULL REFERENCES tables (id),
            document_id INTEGER NOT NULL REFERENCES documents (id),
            page_no INTEGER NOT NULL,
            row_no INTEGER NOT NULL,
            col_no INTEGER NOT NULL,
            row_span INTEGER NOT NULL,
            col_span INTEGER NOT NULL,
            x REAL NOT NULL, y REAL NOT NULL, w REAL NOT NULL, h REAL NOT NULL,
            raw_text TEXT NOT NULL,
            value TEXT,
            confidence REAL NOT NULL,
            source TEXT NOT NULL
        );
        CREATE INDEX ix_cells_table ON cells (table_id, row_no, col_no);
        CREATE INDEX ix_cells_document ON cells (document_id);

        CREATE TABLE budget_lines (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents (id),
            cell_id INTEGER REFERENCES cells (id),
            form_type TEXT NOT NULL,
            page_no INTEGER NOT NULL,
            table_index INTEGER NOT NULL,
            row_no INTEGER NOT NULL,
            col_no INTEGER NOT NULL,
            code TEXT,
            name TEXT NOT NULL,
            subject_level TEXT,
            column_path TEXT NOT NULL,
            raw_text TEXT NOT NULL,
            amount_printed REAL,
            unit_printed TEXT NOT NULL,
            amount_wan REAL,
            confidence REAL NOT NULL,
            flagged INTEGER NOT NULL
        );
        CREATE INDEX ix_budget_lines_document ON budget_lines (document_id);
        CREATE INDEX ix_budget_lines_code ON budget_lines (code);
        CREATE INDEX ix_budget_lines_cell ON budget_lines (cell_id);

        CREATE TABLE projects (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents (id),
            form_type TEXT NOT NULL,
            first_page INTEGER NOT NULL,
            name TEXT NOT NULL,
            department TEXT,
            implementing_unit TEXT,
            attribute TEXT,
            period TEXT,
            manager TEXT,
            total_funds_wan REAL,
            funds_by_source TEXT,
            total_score REAL,
            grade TEXT
        );
        CREATE INDEX ix_projects_document ON projects (document_id);

        CREATE TABLE indicators (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents (id),
            cell_id INTEGER REFERENCES cells (id),
            form_type TEXT NOT NULL,
            page_no INTEGER NOT NULL,
            table_index INTEGER NOT NULL,
            row_no INTEGER NOT NULL,
            col_no INTEGER NOT NULL,
            project TEXT NOT NULL,
            period TEXT,
            level1 TEXT NOT NULL,
            level2 TEXT NOT NULL,
            name TEXT NOT NULL,
            target TEXT,
            target_comparator TEXT,
            target_value REAL,
            target_unit TEXT,
            actual TEXT,
            weight REAL,
            score REAL,
            deviation_reason TEXT,
            raw_text TEXT NOT NULL,
            confidence REAL NOT NULL,
            flagged INTEGER NOT NULL
        );
        CREATE INDEX ix_indicators_document ON indicators (document_id);
        CREATE INDEX ix_indicators_cell ON indicators (cell_id);

        CREATE TABLE validation_issues (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents (id),
            rule TEXT NOT NULL,
            message TEXT NOT NULL,
            expected REAL,
            actual REAL,
            suggestion_page INTEGER,
            suggestion_table INTEGER,
            suggestion_row INTEGER,
            suggestion_col INTEGER,
            suggested_value TEXT
        );
        CREATE INDEX ix_validation_issues_document ON validation_issues (document_id);

        CREATE TABLE issue_cells (
            issue_id INTEGER NOT NULL REFERENCES validation_issues (id),
            cell_id INTEGER REFERENCES cells (id),
            page_no INTEGER NOT NULL,
            table_index INTEGER NOT NULL,
            row_no INTEGER NOT NULL,
            col_no INTEGER NOT NULL
        );
        CREATE INDEX ix_issue_cells_issue ON issue_cells (issue_id);
        CREATE INDEX ix_issue_cells_cell ON issue_cells (cell_id);

        -- Keyed by the file (path and name) and the cell position, not by row ids: they survive re-ingest.
        CREATE TABLE corrections (
            id INTEGER PRIMARY KEY,
            doc_path TEXT NOT NULL,
            file_name TEXT NOT NULL,
            sha256 TEXT,
            target TEXT NOT NULL,
            page_no INTEGER NOT NULL,
            table_index INTEGER NOT NULL,
            row_no INTEGER NOT NULL,
            col_no INTEGER NOT NULL,
            old_value TEXT,
            new_value TEXT,
            action TEXT NOT NULL,
            corrected_at TEXT NOT NULL,
            corrected_by TEXT NOT NULL
        );
        CREATE INDEX ix_corrections_path ON corrections (doc_path);

        CREATE TABLE failures (
            id INTEGER PRIMARY KEY,
            file_name TEXT NOT NULL,
            path TEXT NOT NULL,
            sha256 TEXT,
            stage TEXT NOT NULL,
            message TEXT NOT NULL,
            failed_at TEXT NOT NULL
        );
        CREATE INDEX ix_failures_path ON failures (path);

        CREATE TABLE subject_codes (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            subject_level TEXT NOT NULL,
            seen_count INTEGER NOT NULL,
            first_seen_at TEXT NOT NULL
        );
        """,

        // 2: review state (survives as corrections) and the researchers' views.
        """
        ALTER TABLE cells ADD COLUMN reviewed INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE pages ADD COLUMN reviewed INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE validation_issues ADD COLUMN resolved INTEGER NOT NULL DEFAULT 0;

        CREATE VIEW v_budget_lines AS
        SELECT b.id AS id, b.document_id AS document_id, d.unit_name AS unit_name, d.year AS year, d.kind AS kind,
               d.level AS doc_level, b.form_type AS form, d.file_name AS file, d.path AS path, b.page_no AS page,
               b.code AS code, b.name AS name, b.subject_level AS subject_level, b.column_path AS column_path,
               b.amount_wan AS amount, b.raw_text AS raw, b.amount_printed AS amount_printed,
               b.unit_printed AS unit_printed, b.confidence AS confidence, b.flagged AS flagged,
               b.table_index AS table_index, b.row_no AS row_no, b.col_no AS col_no,
               c.x AS x, c.y AS y, c.w AS w, c.h AS h, c.source AS source
        FROM budget_lines b
        JOIN documents d ON d.id = b.document_id
        LEFT JOIN cells c ON c.id = b.cell_id;

        CREATE VIEW v_indicators AS
        SELECT i.id AS id, i.document_id AS document_id, d.unit_name AS unit_name, d.year AS year, d.kind AS kind,
               d.level AS doc_level, i.form_type AS form, d.file_name AS file, d.path AS path, i.page_no AS page,
               i.project AS project, i.period AS period, i.level1 AS level1, i.level2 AS level2, i.name AS name,
               i.target AS target, i.target_comparator AS target_comparator, i.target_value AS target_value,
               i.target_unit AS target_unit, i.actual AS actual, i.weight AS weight, i.score AS score,
               i.deviation_reason AS deviation_reason, i.raw_text AS raw, i.confidence AS confidence,
               i.flagged AS flagged, i.table_index AS table_index, i.row_no AS row_no, i.col_no AS col_no
        FROM indicators i
        JOIN documents d ON d.id = i.document_id;
        """,
    ];

    public static int Latest => Scripts.Count;
}
