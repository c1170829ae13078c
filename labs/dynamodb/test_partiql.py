"""PartiQL: SQL-like statements over a DynamoDB table.

ExecuteStatement runs one SELECT, INSERT, UPDATE or DELETE; identifiers with
dashes (like these labs' table names) are double-quoted, string literals
single-quoted, and ``?`` takes a value from Parameters. It is the same table
underneath: an INSERT is a conditional put that refuses an existing key, an
UPDATE or DELETE must name the item's full key. BatchExecuteStatement runs
up to 25 statements, all reads or all writes, each with its own result.

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
