<%@ page contentType="text/html" %><%
Object u = session.getAttribute("user");
if (u == null) { response.sendRedirect(response.encodeRedirectURL("/login.jsp")); return; }
%><p>Account of <%= u %></p><a id="logout" href="<%= response.encodeURL("/logout.jsp") %>">Log out</a>
