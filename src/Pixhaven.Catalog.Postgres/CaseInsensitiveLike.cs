using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Pixhaven.Catalog.Postgres;

/// <summary>
/// Makes <c>EF.Functions.Like</c> mean ILIKE. The search filters (camera:, path:, album:...) are written once for every
/// database and expect LIKE to ignore case, as SQLite's does; PostgreSQL's LIKE does not.
/// </summary>
internal sealed class CaseInsensitiveLike : ExpressionVisitor, IQueryExpressionInterceptor
{
    public static readonly CaseInsensitiveLike Instance = new();

    private static readonly MethodInfo Like = typeof(DbFunctionsExtensions).GetMethod(
        nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private static readonly MethodInfo LikeWithoutEscape = typeof(DbFunctionsExtensions).GetMethod(
        nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string)])!;

    private static readonly MethodInfo ILike = typeof(NpgsqlDbFunctionsExtensions).GetMethod(
        nameof(NpgsqlDbFunctionsExtensions.ILike), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private static readonly MethodInfo ILikeWithoutEscape = typeof(NpgsqlDbFunctionsExtensions).GetMethod(
        nameof(NpgsqlDbFunctionsExtensions.ILike), [typeof(DbFunctions), typeof(string), typeof(string)])!;

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) => Visit(queryExpression);

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var arguments = Visit(node.Arguments);
        if (node.Method == Like)
        {
            return Expression.Call(ILike, arguments);
        }

        return node.Method == LikeWithoutEscape ? Expression.Call(ILikeWithoutEscape, arguments) : node.Update(Visit(node.Object), arguments);
    }
}
