<%@ page contentType="text/html" %><% session.invalidate(); response.sendRedirect("/"); %>
