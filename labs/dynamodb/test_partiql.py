"""PartiQL: SQL-like statements over a DynamoDB table.

ExecuteStatement runs one SELECT, INSERT, UPDATE or DELETE; identifiers with
dashes (like these labs' table names) are double-quoted, string literals
single-quoted, and ``?`` takes a value from Parameters. It is the same table
underneath: an INSERT is a conditional put that refuses an existing key, an
UPDATE or DELETE must name the item's full key, and the rest of its WHERE is a
condition: an UPDATE of an item that fails it, or does not exist, is refused
with ConditionalCheckFailedException (never an upsert, unlike UpdateItem).
BatchExecuteStatement runs up to 25 statements, all reads or all writes, each
with its own result.

Notes, "dynamodb > dynamodb -- partiql" and "dynamodb > partiql".
"""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError


@pytest.fixture
def books(create_table) -> str:
    return create_table("books", ("isbn", "S"))


def insert(isbn: str, title: str, table: str) -> str:
    return f"INSERT INTO \"{table}\" VALUE {{'isbn': '{isbn}', 'title': '{title}', 'stock': 1}}"


@pytest.mark.claim(
    "dynamodb.partiql-statements", quote="sql compatible query language for dynamodb"
)
def test_insert_update_and_select_one_book(aws, books):
    aws.dynamodb.execute_statement(Statement=insert("978-0441013593", "Dune", books))
    # HINT: an UPDATE statement that sets stock to 4 for isbn 978-0441013593, with both
    # HINT: values passed as ? Parameters.
    # BEGIN SOLUTION
    aws.dynamodb.execute_statement(
        Statement=f'UPDATE "{books}" SET stock = ? WHERE isbn = ?',
        Parameters=[{"N": "4"}, {"S": "978-0441013593"}],
    )
    # END SOLUTION
    found = aws.dynamodb.execute_statement(
        Statement=f'SELECT title, stock FROM "{books}" WHERE isbn = ?',
        Parameters=[{"S": "978-0441013593"}],
    )["Items"]
    assert found == [{"title": {"S": "Dune"}, "stock": {"N": "4"}}]


@pytest.mark.claim(
    "dynamodb.partiql-insert-refuses-existing-key",
    quote="sql compatible query language for dynamodb",
    source="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.insert.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto's PartiQL INSERT overwrites an existing item; AWS refuses it with "
    "DuplicateItemException",
)
@pytest.mark.emulator_gap(
    "dynamodb-local",
    "localstack",
    reason="DynamoDB Local (LocalStack's DynamoDB too) refuses the INSERT and keeps the item, "
    "but answers error code DuplicateItem; AWS answers DuplicateItemException, the error "
    "ExecuteStatement's reference and every SDK name",
)
def test_an_insert_never_overwrites_an_existing_item(aws, books, read_item):
    aws.dynamodb.execute_statement(Statement=insert("978-0441013593", "Dune", books))
    # HINT: unlike PutItem, what error does an INSERT of an existing key get?
    # BEGIN SOLUTION
    expected_error = "DuplicateItemException"
    # END SOLUTION
    with pytest.raises(ClientError) as refused:
        aws.dynamodb.execute_statement(Statement=insert("978-0441013593", "Dune II", books))
    assert refused.value.response["Error"]["Code"] == expected_error
    assert read_item(books, {"isbn": {"S": "978-0441013593"}})["title"] == {"S": "Dune"}


@pytest.mark.claim(
    "dynamodb.partiql-update-where-is-a-condition",
    quote="sql-compatible",
    source="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
    "ql-reference.update.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto's PartiQL parser cannot read an UPDATE whose WHERE also compares a non-key "
    "attribute (ParserException); AWS applies that WHERE as a condition and answers "
    "ConditionalCheckFailedException when the item fails it or does not exist",
)
def test_an_update_where_clause_is_a_condition_on_one_item(aws, books, read_item, error_code):
    aws.dynamodb.execute_statement(Statement=insert("978-0441013593", "Dune", books))
    sell_the_last_copy = ""
    # HINT: an UPDATE that sets stock to ? for the book whose isbn is ?, only while its
    # HINT: stock is above ? (SQL's WHERE, with one more condition), in that order.
    # BEGIN SOLUTION
    sell_the_last_copy = f'UPDATE "{books}" SET stock = ? WHERE isbn = ? AND stock > ?'
    # END SOLUTION

    def sell(isbn: str) -> str | None:
        values = [{"N": "0"}, {"S": isbn}, {"N": "0"}]
        run = aws.dynamodb.execute_statement
        return error_code(run, Statement=sell_the_last_copy, Parameters=values)

    assert sell("978-0441013593") is None
    assert read_item(books, {"isbn": {"S": "978-0441013593"}})["stock"] == {"N": "0"}
    assert sell("978-0441013593") == "ConditionalCheckFailedException", "stock is 0 now"
    assert sell("978-0000000000") == "ConditionalCheckFailedException", "not an upsert"


@pytest.mark.claim("dynamodb.partiql-batch-write", quote="support batch operations")
def test_a_batch_of_inserts_in_one_call(aws, books):
    shelf = [
        ("978-0441013593", "Dune"),
        ("978-0553293357", "Foundation"),
        ("978-0060850524", "Brave"),
    ]
    # HINT: insert the three books with one batch_execute_statement call (insert() helps).
    # BEGIN SOLUTION
    response = aws.dynamodb.batch_execute_statement(
        Statements=[{"Statement": insert(isbn, title, books)} for isbn, title in shelf]
    )
    # END SOLUTION
    assert [result.get("Error") for result in response["Responses"]] == [None, None, None]
    titles = aws.dynamodb.execute_statement(Statement=f'SELECT title FROM "{books}"')["Items"]
    assert sorted(item["title"]["S"] for item in titles) == ["Brave", "Dune", "Foundation"]


@pytest.mark.claim("dynamodb.partiql-batch-read", quote="support batch operations")
@pytest.mark.emulator_gap(
    "moto",
    reason="moto answers each SELECT of a BatchExecuteStatement on a double-quoted table "
    "name with ResourceNotFound; AWS reads the item",
)
def test_a_batch_of_reads_by_key(aws, books):
    aws.dynamodb.execute_statement(Statement=insert("978-0441013593", "Dune", books))
    aws.dynamodb.execute_statement(Statement=insert("978-0553293357", "Foundation", books))
    select = f'SELECT title FROM "{books}" WHERE isbn = ?'
    response = aws.dynamodb.batch_execute_statement(
        Statements=[
            {"Statement": select, "Parameters": [{"S": isbn}]}
            for isbn in ("978-0553293357", "978-0441013593")
        ]
    )
    assert [result["Item"] for result in response["Responses"]] == [
        {"title": {"S": "Foundation"}},
        {"title": {"S": "Dune"}},
    ]


@pytest.mark.claim(
    "dynamodb.partiql-batch-25",
    quote="support batch operations",
    source="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/"
    "API_BatchExecuteStatement.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto runs a BatchExecuteStatement of 26 statements; AWS allows at most 25 and "
    "refuses the call with ValidationException",
)
def test_a_batch_holds_at_most_25_statements(aws, books, error_code):
    def inserts(numbers) -> list[dict]:
        return [{"Statement": insert(f"isbn-{n}", f"Book {n}", books)} for n in numbers]

    aws.dynamodb.batch_execute_statement(Statements=inserts(range(25)))
    # HINT: what does BatchExecuteStatement answer 26 statements?
    # BEGIN SOLUTION
    expected = "ValidationException"
    # END SOLUTION
    batch = aws.dynamodb.batch_execute_statement
    assert error_code(batch, Statements=inserts(range(100, 126))) == expected
    count = aws.dynamodb.scan(TableName=books, Select="COUNT")["Count"]
    assert count == 25, "none of the 26 was written"


@pytest.mark.claim(
    "dynamodb.no-join",
    quote="not support JOIN",
    source="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
    "ql-reference.select.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto answers a PartiQL SELECT over two tables; AWS selects from a single table "
    "or index only and refuses it with ValidationException",
)
def test_a_select_reads_one_table_only(aws, books, create_table, error_code):
    loans = create_table("loans", ("isbn", "S"))
    aws.dynamodb.execute_statement(Statement=insert("978-0441013593", "Dune", books))
    aws.dynamodb.put_item(TableName=loans, Item={"isbn": {"S": "978-0441013593"}})
    one_table = f'SELECT title FROM "{books}" WHERE isbn = ?'
    found = aws.dynamodb.execute_statement(
        Statement=one_table, Parameters=[{"S": "978-0441013593"}]
    )
    assert found["Items"] == [{"title": {"S": "Dune"}}]
    # HINT: the error code of a SELECT that joins the books and the loans.
    # BEGIN SOLUTION
    expected = "ValidationException"
    # END SOLUTION
    join = f'SELECT * FROM "{books}" JOIN "{loans}" ON "{books}".isbn = "{loans}".isbn'
    assert error_code(aws.dynamodb.execute_statement, Statement=join) == expected


@pytest.mark.claim(
    "dynamodb.no-aggregation",
    quote="no aggregation operations",
    source="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
    "ql-reference.select.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto answers a PartiQL SELECT COUNT(*); AWS has no aggregate functions and "
    "refuses it with ValidationException",
)
def test_a_select_cannot_count_or_sum(aws, books, error_code):
    aws.dynamodb.execute_statement(Statement=insert("978-0441013593", "Dune", books))
    # HINT: the error code of SELECT COUNT(*), then how a client counts instead: the
    # HINT: Count that a Scan with Select="COUNT" returns for this table.
    # BEGIN SOLUTION
    expected = "ValidationException"
    counted_by_scan = 1
    # END SOLUTION
    count = f'SELECT COUNT(*) FROM "{books}"'
    assert error_code(aws.dynamodb.execute_statement, Statement=count) == expected
    assert aws.dynamodb.scan(TableName=books, Select="COUNT")["Count"] == counted_by_scan
