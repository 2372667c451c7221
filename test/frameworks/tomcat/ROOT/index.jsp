<%@ page contentType="text/html" %><%
Integer v = (Integer) session.getAttribute("visits"); v = v == null ? 1 : v + 1; session.setAttribute("visits", v);
Object u = session.getAttribute("user");
%><p>Hello <%= u == null ? "anon" : u %> visits=<%= v %></p><a id="logout" href="<%= response.encodeURL("/logout.jsp") %>">Log out</a> <a id="login" href="<%= response.encodeURL("/login.jsp") %>">Log in</a>
